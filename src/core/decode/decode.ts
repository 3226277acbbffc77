import { PipelineError } from '../errors.ts';
import type { DecodedText } from '../types.ts';
import { detect } from './detect-encoding.ts';
import { sniffBinary } from './sniff.ts';

/**
 * Decodes a file's bytes to text, refusing what is not text rather than guessing.
 * See `detect` for how the encoding is chosen (UTF-8/16, GB18030, Big5, Western single-byte).
 * @throws PipelineError `empty`, `binary`, `foreign-encoding` (text in an encoding we recognize
 * but do not decode, named in the message) or `unsupported-encoding`.
 */
export function decode(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length === 0) throw new PipelineError('empty', 'decode', fileName, 'the file is empty');
  const binary = sniffBinary(bytes);
  if (binary) throw new PipelineError('binary', 'decode', fileName, `not a text file (${binary})`);
  const detected = detect(bytes);
  if (!detected) {
    throw new PipelineError('unsupported-encoding', 'decode', fileName, 'the bytes are not valid UTF-8, UTF-16, GB18030 or Big5');
  }
  if ('looksLike' in detected) {
    const message = `looks like ${detected.looksLike}, an encoding that is not read (only UTF-8, UTF-16, GBK/GB18030 and Big5); save it as UTF-8`;
    throw new PipelineError('foreign-encoding', 'decode', fileName, message, { detail: detected.looksLike });
  }
  const { encoding, bom, text, notes } = detected;
  return notes ? { encoding, bom, text, notes } : { encoding, bom, text };
}
