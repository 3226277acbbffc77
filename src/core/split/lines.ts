/** A line of a text with its offset, without its line end. */
export interface Line {
  text: string;
  start: number;
}

/** Splits text into lines (LF, CRLF or CR), keeping each line's start offset. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), start });
  return lines;
}
