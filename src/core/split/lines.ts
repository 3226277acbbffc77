/** A line of a text with its offset, without its line end. */
export interface Line {
  text: string;
  start: number;
}

/** Splits text into lines (LF, CRLF or CR), keeping each line's start offset. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ text: text.slice(start, i), start });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  if (start < text.length) lines.push({ text: text.slice(start), start });
  return lines;
}

/**
 * Whether a UTF-16 code unit is white space in the sense of JavaScript's `\s` and `String.trim`
 * (ASCII blanks, NBSP, the ideographic space U+3000, the BOM, …). Hand-written so line scans
 * need no regex that could backtrack over a long run of spaces.
 */
export function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Whether a line holds nothing but white space. */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false;
  return true;
}

/**
 * Removes terminal colour codes (`ESC[32m`, `ESC[;m`): fortune files colour their titles with them,
 * and a title shown in the results must not carry them. Linear: one pass, no regex.
 */
export function stripAnsi(line: string): string {
  if (!line.includes('\u001b')) return line;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) !== 27) {
      out += line[i];
      continue;
    }
    if (line[i + 1] !== '[') continue;
    // CSI: parameters and intermediates (0x20–0x3f), then one final byte (0x40–0x7e).
    let j = i + 2;
    while (j < line.length && line.charCodeAt(j) >= 0x20 && line.charCodeAt(j) <= 0x3f) j++;
    i = j < line.length && line.charCodeAt(j) >= 0x40 && line.charCodeAt(j) <= 0x7e ? j : j - 1;
  }
  return out;
}
