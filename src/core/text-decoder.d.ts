// TextDecoder exists in Node and in every browser and worker, but `lib: ES2022` does not declare it.
// Declaring only what the core uses keeps DOM and WebWorker types out of the pipeline.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
