/**
 * ISO-2022 (JP, KR, CN): 7-bit encodings that switch character sets with escape sequences. Every
 * byte is ASCII, so such a file passes as UTF-8 with the escapes in its text; it is recognized by
 * the designations ESC $ … and refused.
 */

/** What a file looks like when it uses ISO-2022 designations, by the final bytes that name them. */
function variant(second: number, third: number): string | null {
  // ESC $ @ / ESC $ B / ESC $ ( D: JIS X 0208/0212 → ISO-2022-JP.
  if (second === 0x40 || second === 0x42) return 'Japanese (ISO-2022-JP)';
  if (second === 0x28 && third === 0x44) return 'Japanese (ISO-2022-JP)';
  // ESC $ ) C: KS X 1001 → ISO-2022-KR.
  if (second === 0x29 && third === 0x43) return 'Korean (ISO-2022-KR)';
  // ESC $ ) A / ESC $ ) G / ESC $ * H: GB 2312, CNS 11643 → ISO-2022-CN.
  if ((second === 0x29 && (third === 0x41 || third === 0x47)) || (second === 0x2a && third === 0x48)) return 'Chinese in ISO-2022-CN';
  return null;
}

/**
 * Names the ISO-2022 variant of 7-bit bytes (only the head is read), or returns null. A high byte
 * anywhere in the head means another encoding, escapes or not.
 */
export function iso2022(bytes: Uint8Array, headBytes = 65536): string | null {
  const end = Math.min(bytes.length, headBytes);
  let found: string | null = null;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) return null;
    if (b === 0x1b && found === null && i + 2 < bytes.length && bytes[i + 1] === 0x24) found = variant(bytes[i + 2]!, bytes[i + 3] ?? 0);
  }
  return found;
}
