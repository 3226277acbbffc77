// opencc-js ships its dictionaries as untyped ES modules, each default-exporting "source target|…".
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
