// TextDecoder and TextEncoder exist in Node and in every browser and worker, but `lib: ES2022` does not declare them.
// Declaring only what the core uses keeps DOM and WebWorker types out of the pipeline.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

// Likewise TextEncoder, for the index snapshot's FlexSearch chunks (UTF-8 bytes).
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
