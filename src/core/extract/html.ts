import { Parser } from 'htmlparser2';
import { flattenDeepHtml } from './html-depth.ts';

/** Elements whose content is never the document's text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'iframe', 'object', 'head']);
/** Elements that end a line of text. */
const BLOCKS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'table', 'section', 'article', 'main',
  'blockquote', 'pre', 'hr', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body', 'td', 'th',
]);
const HEADING = /^h([1-6])$/;
const HAN = /\p{Script=Han}/u;

/** Text extracted from an HTML or XHTML page. */
export interface ExtractedHtml {
  /** `<title>`, else the first `<h1>`, else null. */
  title: string | null;
  /** Plain text; headings are Markdown-style lines (`## 标题`), so the Markdown splitter can use them. */
  text: string;
}

/** Collapses a run of whitespace as a browser would, dropping line breaks between two Han characters. */
function collapse(text: string): string {
  return text.replace(/\s+/g, (run, at: number, all: string) =>
    /[\n\r]/.test(run) && HAN.test(all[at - 1] ?? '') && HAN.test(all[at + run.length] ?? '') ? '' : ' ',
  );
}

/**
 * Extracts the readable text of a page with htmlparser2's streaming parser (no DOM: workers
 * have no `DOMParser`). Drops script, style, navigation, header, footer and aside; keeps `<pre>`
 * whitespace; turns headings into `#` lines. Markup nested deeper than `MAX_HTML_DEPTH` is
 * flattened first (`html-depth.ts`), so time stays linear in the page.
 * @param xml parse as XML (EPUB's XHTML)
 */
export function extractHtml(html: string, xml = false): ExtractedHtml {
  const out: string[] = [];
  let line = '';
  let skipDepth = 0;
  let preDepth = 0;
  let title: string | null = null;
  let inTitle = false;
  let heading: { level: number; text: string } | null = null;
  let firstH1: string | null = null;
  const endLine = () => {
    const text = preDepth > 0 ? line : collapse(line).trim();
    if (text) out.push(text);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (SKIPPED.has(name) && name !== 'head') skipDepth++;
        if (skipDepth > 0) return;
        if (name === 'pre') preDepth++;
        const h = HEADING.exec(name);
        if (h) {
          endLine();
          heading = { level: Number(h[1]), text: '' };
        } else if (BLOCKS.has(name)) endLine();
      },
      ontext(data) {
        if (inTitle) title = (title ?? '') + data;
        if (skipDepth > 0 || inTitle) return;
        if (heading) heading.text += data;
        else line += data;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIPPED.has(name) && name !== 'head') {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (heading && HEADING.test(name)) {
          const text = collapse(heading.text).trim();
          if (text) {
            out.push(`${'#'.repeat(heading.level)} ${text}`);
            if (heading.level === 1 && firstH1 === null) firstH1 = text;
          }
          heading = null;
        } else if (BLOCKS.has(name)) endLine();
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
      },
    },
    { xmlMode: xml, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(flattenDeepHtml(html));
  parser.end();
  endLine();
  const cleanTitle = title === null ? null : collapse(title).trim() || null;
  return { title: cleanTitle ?? firstH1, text: out.join('\n') + (out.length ? '\n' : '') };
}
