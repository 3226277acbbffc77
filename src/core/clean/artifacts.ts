/**
 * Repairs what converters and scrapers leave inside text: pinyin glued after characters,
 * leftover inline HTML tags and entities, zero-width characters, runs of blank lines.
 * Each rule is data (a name, a pattern, a replacement) with its own test.
 */

/** Tone-marked vowels: an annotation must contain one, so `粒子(particle)` or `(aIPE)` stay. */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';

/** A text repair: every match of `pattern` is replaced. */
export interface ArtifactRule {
  name: string;
  pattern: RegExp;
  replace: string | ((match: string, ...groups: string[]) => string);
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  times: '×',
  copy: '©',
};

function decodeEntity(match: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : match;
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? match;
}

/** The repairs, in the order they run. */
export const ARTIFACT_RULES: readonly ArtifactRule[] = [
  {
    // `\x1b[32m` colours, `\x1b]0;title\x07` window titles: a terminal log saved as text. Runs
    // first, so the escape's parameters (`[32m`) never reach titles or the index. CSI: parameter
    // bytes, intermediate bytes, one final byte (ECMA-48; disjoint classes, so linear). OSC: up to
    // its BEL or ST terminator, within the line. Then charset selections and two-byte escapes.
    name: 'terminal-escapes',
    pattern: /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[@-_=>78]/g,
    replace: '',
  },
  {
    // nroff's overstrike (`N\bN` bold, `_\bN` underline) keeps the struck character; then every
    // other C0 control but tab, line feed and carriage return goes (a lone ESC too), and a form
    // feed (a page break) becomes a line break so the words either side stay apart.
    name: 'control-chars',
    pattern: /[^\x00-\x1f]\x08(?=[^\x00-\x1f])|[\x00-\x08\x0b\x0c\x0e-\x1f]/g,
    replace: (c: string) => (c === '\f' ? '\n' : ''),
  },
  {
    // 系統(tǒng) → 系統: a site's pinyin annotation after each character, only with tone marks.
    // Also after a character the scraper garbled (`?(shù)`, `F(xiàn)`): the annotation is chrome
    // all the same, and a tone-marked syllable in parentheses is never part of a sentence.
    name: 'pinyin-annotation',
    pattern: new RegExp(`([^\\s(])\\(([a-zü]*[${TONED}][a-zü]*)\\)`, 'gu'),
    replace: '$1',
  },
  {
    // 相當(dāng)?shù)的: the character and the opening parenthesis were both lost; keep the `?` marker.
    name: 'pinyin-orphan',
    pattern: new RegExp(`\\?([a-zü]*[${TONED}][a-zü]*)\\)`, 'gu'),
    replace: '?',
  },
  {
    // <b class='flag-5'>中</b>: inline tags of a scraped page left in a text file.
    name: 'inline-html-tags',
    pattern: /<\/?(?:a|b|i|u|em|strong|span|font|small|big|sup|sub|mark|code|p|div|img|br)\b[^<>\n]{0,200}>/gi,
    replace: (tag: string) => (/^<(?:br|\/p|\/div)\b/i.test(tag) ? '\n' : ''),
  },
  { name: 'html-entities', pattern: /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, replace: decodeEntity },
  { name: 'zero-width', pattern: /[\u200b-\u200d\u2060\ufeff]/g, replace: '' },
];

/** Runs of blank lines become one; runs after the other cleaning steps, which leave gaps. */
export const BLANK_LINES: ArtifactRule = { name: 'blank-lines', pattern: /\n(?:[ \t\u3000]*\r?\n){2,}/g, replace: '\n\n' };

/** Applies the rules (by default every artifact rule); returns the text and how often each rule changed it. */
export function repairArtifacts(text: string, rules: readonly ArtifactRule[] = ARTIFACT_RULES): { text: string; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  let out = text;
  for (const rule of rules) {
    let n = 0;
    out = out.replace(rule.pattern, (...args: unknown[]) => {
      n++;
      const [match, ...groups] = args as string[];
      if (typeof rule.replace === 'function') return rule.replace(match!, ...groups);
      return rule.replace.replace(/\$(\d)/g, (_, d: string) => groups[Number(d) - 1] ?? '');
    });
    if (n > 0) counts[rule.name] = n;
  }
  return { text: out, counts };
}
