/**
 * Strips Markdown markup that a reader never sees, keeping headings (`#` lines, which the
 * splitter turns into sections), list markers and text. Code inside fences is kept as text.
 */
const RULES: readonly [RegExp, string][] = [
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'], // ![alt](src) → alt
  [/\[([^\]]+)\]\((?:[^)(]|\([^)]*\))*\)/g, '$1'], // [text](url) → text
  [/\[([^\]]+)\]\[[^\]]*\]/g, '$1'], // [text][ref] → text
  [/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2'], // **bold**, __bold__
  [/(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])/g, '$1'], // *em*
  [/~~(?=\S)(.+?)(?<=\S)~~/g, '$1'], // ~~strike~~
  [/`([^`\n]+)`/g, '$1'], // `code`
];

/** Markdown → plain text with `#` heading lines. */
export function stripMarkdown(markdown: string): string {
  let inFence = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // [ref]: https://… definitions
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) continue; // --- rules
    let text = line.replace(/^(\s{0,3})>\s?/, '$1');
    for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
    out.push(text);
  }
  return out.join('\n');
}
