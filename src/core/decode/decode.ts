import { PipelineError } from '../errors.ts';
import type { DecodedText, EncodingLabel } from '../types.ts';
import { sniffBinary } from './sniff.ts';

/** Byte-order marks and the encoding each one announces. */
const BOMS: ReadonlyArray<{ label: EncodingLabel; bytes: readonly number[] }> = [
  { label: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { label: 'utf-16le', bytes: [0xff, 0xfe] },
  { label: 'utf-16be', bytes: [0xfe, 0xff] },
];

function detectBom(bytes: Uint8Array): { label: EncodingLabel; length: number } | null {
  for (const { label, bytes: bom } of BOMS) {
    if (bytes.length >= bom.length && bom.every((b, i) => bytes[i] === b)) return { label, length: bom.length };
  }
  return null;
}

/**
 * Decodes a file's bytes to text, refusing what is not text rather than guessing.
 *
 * @remarks A BOM decides the encoding; otherwise the bytes must be valid UTF-8 (a strict
 * `TextDecoder` rejects anything else in well under a millisecond). Legacy encodings
 * (GB18030, Big5) are refused with `unsupported-encoding` until detection for them exists,
 * so no file is ever indexed as mojibake.
 * @throws PipelineError `empty`, `binary` or `unsupported-encoding`.
 */
export function decode(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw new PipelineError('empty', 'decode', fileName, 'the file is empty');
  const binary = sniffBinary(bytes);
  if (binary) throw new PipelineError('binary', 'decode', fileName, `not a text file (${binary})`);
  const bom = detectBom(bytes);
  const label: EncodingLabel = bom?.label ?? 'utf-8';
  const body = bom ? bytes.subarray(bom.length) : bytes;
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
    return { encoding: label, bom: bom !== null, text };
  } catch (cause) {
    throw new PipelineError(
      'unsupported-encoding',
      'decode',
      fileName,
      bom ? `the bytes are not valid ${label}` : 'the text is not UTF-8 (legacy encodings are not supported yet)',
      { cause },
    );
  }
}
