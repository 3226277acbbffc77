import { PipelineError } from '../errors.ts';
import type { DecodedText } from '../types.ts';
import { detectEncoding } from './detect-encoding.ts';
import { sniffBinary } from './sniff.ts';

/**
 * Decodes a file's bytes to text, refusing what is not text rather than guessing.
 * See `detectEncoding` for how the encoding is chosen (UTF-8/16, GB18030, Big5).
 * @throws PipelineError `empty`, `binary` or `unsupported-encoding`.
 */
export function decode(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw new PipelineError('empty', 'decode', fileName, 'the file is empty');
  const binary = sniffBinary(bytes);
  if (binary) throw new PipelineError('binary', 'decode', fileName, `not a text file (${binary})`);
  const detected = detectEncoding(bytes);
  if (!detected) {
    throw new PipelineError('unsupported-encoding', 'decode', fileName, 'the bytes are not valid UTF-8, UTF-16, GB18030 or Big5');
  }
  return { encoding: detected.encoding, bom: detected.bom, text: detected.text };
}
