/**
 * Deepest nesting of elements handed to the HTML parser. htmlparser2 keeps its stack of open
 * elements with the innermost first (`unshift`), so every open tag costs time in proportion to
 * the depth: 100 000 nested `<li>` took 7 s. Real pages nest a few dozen levels; beyond this,
 * tags are dropped and their text kept.
 */
export const MAX_HTML_DEPTH = 256;

/** Elements that never have content, so never deepen the nesting. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements that end a line: dropped, they leave a `<br>` (which never deepens the nesting). */
const BREAKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'td', 'th', 'table', 'section', 'article', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements whose content is raw text, skipped while counting. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

const isNameStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The lower-case tag name starting at `i`, and where it ends. */
function nameAt(html: string, i: number): { name: string; end: number } {
  let end = i;
  while (end < html.length && /[A-Za-z0-9:-]/.test(html[end]!)) end++;
  return { name: html.slice(i, end).toLowerCase(), end };
}

/**
 * Removes the tags nested deeper than `maxDepth` (and their closing tags), in one pass over the
 * markup, keeping all text; a removed block tag becomes a `<br>`, so its lines stay apart.
 * Comments are copied as they are. Depth is counted from open and close tags only: implied ends
 * (`<p>` after `<p>`) are not modelled, so a page of unclosed `<p>` reaches the cap sooner, which
 * costs nothing but tags.
 */
export function flattenDeepHtml(html: string, maxDepth = MAX_HTML_DEPTH): string {
  const parts: string[] = [];
  let depth = 0;
  let copied = 0;
  for (let i = html.indexOf('<'); i !== -1 && i < html.length; i = html.indexOf('<', i + 1)) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      if (close === -1) break;
      i = close + 2;
      continue;
    }
    const closing = html[i + 1] === '/';
    const start = i + (closing ? 2 : 1);
    if (!isNameStart(html.charCodeAt(start))) continue;
    const { name, end: nameEnd } = nameAt(html, start);
    const gt = html.indexOf('>', nameEnd);
    if (gt === -1) break;
    const selfClosing = html[gt - 1] === '/' || VOID.has(name);
    const deep = closing ? depth > maxDepth : !selfClosing && depth + 1 > maxDepth;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing) depth++;
    // Script and style hold raw text, whose `<` are not tags.
    const rawEnd = !closing && !selfClosing && RAW_TEXT.has(name) ? html.indexOf(`</${name}`, gt) : -1;
    if (deep) {
      parts.push(html.slice(copied, i), BREAKS.has(name) ? '<br>' : '');
      copied = gt + 1;
    }
    i = rawEnd === -1 ? gt : rawEnd - 1;
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}
