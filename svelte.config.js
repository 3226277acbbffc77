// Svelte 5 with runes everywhere; TypeScript in components is handled by the default preprocessor.
export default {
  compilerOptions: { runes: true },
};
