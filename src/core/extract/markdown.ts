/**
 * Strips Markdown markup that a reader never sees, keeping headings (`#` lines, which the
 * splitter turns into sections), list markers and text. Code inside fences is kept as text.
 */
/**
 * Inline rules. Every quantified part excludes the character that would start or end another
 * match (`[` `]` in link text, `(` `)` `[` `]` in URLs, `*` `_` `~` inside emphasis), so a failed
 * attempt stops at the next such character and a line is read in linear time: with `[^\]]+`, a
 * line of 64 000 `[` took 3 s, 200× its 4 000-character sixteenth (src/core/extract/markdown.test.ts).
 */
const RULES: readonly [RegExp, string][] = [
  [/!\[([^[\]\n]*)\]\([^()[\]\n]*\)/g, '$1'], // ![alt](src) → alt
  [/\[([^[\]\n]+)\]\((?:[^()[\]\n]|\([^()[\]\n]*\))*\)/g, '$1'], // [text](url) → text
  [/\[([^[\]\n]+)\]\[[^[\]\n]*\]/g, '$1'], // [text][ref] → text
  [/\*\*(?=[^\s*])([^*\n]+?)(?<=\S)\*\*/g, '$1'], // **bold**
  [/__(?=[^\s_])([^_\n]+?)(?<=\S)__/g, '$1'], // __bold__
  [/(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])/g, '$1'], // *em*
  [/~~(?=[^\s~])([^~\n]+?)(?<=\S)~~/g, '$1'], // ~~strike~~
  [/`([^`\n]+)`/g, '$1'], // `code`
];

/**
 * A thematic break: three or more of one of `-`, `*`, `_`, spaces between. A scan, since the
 * pattern `(\s*\1){2,}\s*$` backtracks on a long run of spaces.
 */
function isRule(line: string): boolean {
  const t = line.trim();
  const mark = t[0];
  if (mark !== '-' && mark !== '*' && mark !== '_') return false;
  let count = 0;
  for (const c of t) {
    if (c === mark) count++;
    else if (c !== ' ' && c !== '\t') return false;
  }
  return count >= 3;
}

/** Markdown → plain text with `#` heading lines. */
export function stripMarkdown(markdown: string): string {
  let inFence = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^ {0,3}(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    if (/^ {0,3}\[[^[\]\n]+\]:[ \t]*\S/.test(line)) continue; // [ref]: https://… definitions
    if (isRule(line)) continue; // --- rules
    let text = line.replace(/^( {0,3})> ?/, '$1');
    for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
    out.push(text);
  }
  return out.join('\n');
}
