/**
 * Strict UTF-8, and UTF-8 cut off inside its last character: an interrupted download, or a zip
 * entry whose declared size is wrong. Such a file is UTF-8 with a broken tail, not GB18030.
 */

/** UTF-8 text, with a note when a broken last character was dropped. */
export interface Utf8Text {
  text: string;
  /** Bytes dropped from the end (0 when the file was whole). */
  droppedTail: number;
}

function strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** How many bytes a UTF-8 sequence has that starts with `lead`; 0 for a byte that starts none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Where an incomplete last UTF-8 sequence starts, or -1: the lead byte of the last 1–3 bytes whose
 * sequence needs more bytes than the file has left.
 */
export function incompleteTail(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= Math.max(0, end - 3); i--) {
    const b = bytes[i]!;
    if (b >= 0x80 && b <= 0xbf) continue; // a continuation byte: look further back for the lead
    const need = sequenceLength(b);
    return need > end - i ? i : -1;
  }
  return -1;
}

function hasMultibyte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/**
 * Decodes strict UTF-8, or UTF-8 whose only fault is an incomplete last character, which is
 * dropped. The rest must then contain a multi-byte character: ASCII followed by one lone high
 * byte is more likely a Western file ending in "é" than a cut UTF-8 file. Returns null otherwise.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Text | null {
  const text = strict(bytes);
  if (text !== null) return { text, droppedTail: 0 };
  const cut = incompleteTail(bytes);
  if (cut < 0) return null;
  const head = bytes.subarray(0, cut);
  const headText = strict(head);
  return headText !== null && hasMultibyte(head) ? { text: headText, droppedTail: bytes.length - cut } : null;
}
