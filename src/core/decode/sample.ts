/**
 * A sample of a large file for scoring: its head and its tail, each cut at whitespace so that
 * no multi-byte character is split (no lead or trail byte of GBK, Big5, Shift_JIS, EUC or Johab
 * is a space, tab or line break). Detection reads at most this much, so it stays fast on 50 MB.
 */

/** Bytes taken from the start and from the end of a file larger than their sum. */
export const HEAD_SAMPLE = 256 * 1024;
export const TAIL_SAMPLE = 64 * 1024;

const isBreak = (b: number) => b <= 0x20;

/** The head and tail of `bytes`, whole when it is small; the pieces are joined with a line break. */
export function sampleOf(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= HEAD_SAMPLE + TAIL_SAMPLE) return bytes;
  let headEnd = HEAD_SAMPLE;
  while (headEnd > HEAD_SAMPLE - 4096 && !isBreak(bytes[headEnd - 1]!)) headEnd--;
  if (!isBreak(bytes[headEnd - 1]!)) headEnd = HEAD_SAMPLE;
  let tailStart = bytes.length - TAIL_SAMPLE;
  const limit = tailStart + 4096;
  while (tailStart < limit && !isBreak(bytes[tailStart]!)) tailStart++;
  if (tailStart === limit) tailStart = bytes.length - TAIL_SAMPLE;
  const sample = new Uint8Array(headEnd + 1 + bytes.length - tailStart);
  sample.set(bytes.subarray(0, headEnd));
  sample[headEnd] = 0x0a;
  sample.set(bytes.subarray(tailStart), headEnd + 1);
  return sample;
}
