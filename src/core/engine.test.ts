import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, seeds } from '../../tests/support/corpus.ts';
import { SearchEngine } from './engine.ts';
import { foldSection, foldedSections } from './normalize/fold-sections.ts';
import { ingest } from './pipeline.ts';

function seedEngine(): SearchEngine {
  const engine = new SearchEngine();
  seeds().forEach(({ name, bytes }, fileId) => {
    const file = ingest(bytes, name);
    engine.addFile(fileId, name, file.sections);
  });
  return engine;
}

const titles = (engine: SearchEngine, q: string) => engine.search(q, { limit: 0 }).hits.map((h) => h.title);

describe('SearchEngine on the seeds', () => {
  const engine = seedEngine();

  it('finds the Traditional article for a Simplified query, title match first', () => {
    const result = engine.search('芯片企业');
    expect(result.hits[0]!.title).toBe('2022中國AI芯片企業50強');
    expect(result.hits[0]!.fileName).toBe('001_23f69d89ce459f38.txt');
    expect(result.hits[0]!.titleMarks).toEqual([{ start: 8, end: 12 }]);
  });

  it('finds the Simplified IBM article for a Traditional query', () => {
    expect(titles(engine, '晶體管')).toContain('IBM全新AIU芯片:5nm工艺,230亿晶体管!深度学习处理性能强劲!');
    expect(titles(engine, '晶體管')[0]).toBe('IBM全新AIU芯片:5nm工艺,230亿晶体管!深度学习处理性能强劲!');
  });

  it('returns only articles containing 芯片 as a word, not 芯 and 片 apart', () => {
    const hits = engine.search('芯片', { limit: 0 }).hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(engine.read(h.sectionId)!.section.text).toMatch(/芯片/);
    // 片芯 occurs nowhere as 芯片, so the query in reverse order finds nothing.
    expect(engine.search('片芯').total).toBe(0);
  });

  it('finds Latin words and mixed runs: Transformer, RISC-V, A100, 骁龙8Gen2', () => {
    expect(titles(engine, 'RISC-V')[0]).toBe('索尼、瑞萨入局,谈谈日本的RISC-V生态');
    expect(engine.search('Transformer').total).toBeGreaterThanOrEqual(3);
    // The trailer (原文标题:…骁龙8Gen2…) is cleaned away, so only the article itself matches.
    expect(titles(engine, '骁龙8Gen2')).toEqual(['能逆袭苹果A16芯片吗?高通骁龙8Gen2 VS联发科天玑9200,谁能成为2023年智能手机高端芯片霸主?']);
    expect(engine.search('a100').total).toBe(engine.search('A100').total);
  });

  it('ANDs space-separated terms and keeps quoted phrases whole', () => {
    expect(engine.search('芯片 以太坊').total).toBe(0); // no article has both
    const both = engine.search('以太坊 显卡', { limit: 0 });
    expect(both.hits.map((h) => h.title)).toEqual(['以太坊合并后:英偉達受難,“礦工”暴富夢終結']);
    expect(engine.search('"Swin Transformer"').total).toBe(1);
    expect(engine.search('"Transformer Swin"').total).toBe(0);
  });

  it('gives a snippet of the original text with the hits marked', () => {
    const hit = engine.search('天价头显').hits[0]!;
    const marked = hit.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.end));
    expect(marked).toContain('天價頭顯');
  });

  it('returns nothing, without error, for input that normalizes to nothing', () => {
    expect(engine.search('   ')).toEqual({ total: 0, matches: 0, wordingMatches: 0, pinyinMatches: 0, facets: { source: [], year: [], folder: [] }, hits: [] });
    expect(engine.search('\u3000\t')).toEqual({ total: 0, matches: 0, wordingMatches: 0, pinyinMatches: 0, facets: { source: [], year: [], folder: [] }, hits: [] });
    expect(engine.search('-')).toEqual(engine.search('"-"'));
  });

  it('pages results and reports the total', () => {
    const all = engine.search('的', { limit: 0 });
    const page = engine.search('的', { limit: 5, offset: 5 });
    expect(page.total).toBe(all.total);
    expect(page.hits.map((h) => h.sectionId)).toEqual(all.hits.slice(5, 10).map((h) => h.sectionId));
  });

  it('takes each section’s fold from whoever read it (the parsing worker), and folds it itself otherwise', () => {
    for (const { name, bytes } of seeds()) {
      const file = ingest(bytes, name);
      const stored = new SearchEngine().addFile(1, name, file.sections);
      expect(new SearchEngine().addFile(1, name, foldedSections(file.sections))).toEqual(stored);
      const marked = file.sections.map((s) => ({ ...s, folded: { ...foldSection(s, undefined), norm: '标记', script: 'hant' as const } }));
      const taken = new SearchEngine().addFile(1, name, marked);
      expect(taken.map((s) => s.norm)).toEqual(file.sections.map(() => '标记'));
      // Its script too: the fold's is the section's own or its file's, told where it was read.
      expect(taken.map((s) => s.script)).toEqual(file.sections.map(() => 'hant'));
    }
  });

  it('forgets a removed file', () => {
    const e = seedEngine();
    expect(e.search('晶體管').hits.map((h) => h.fileName)).toEqual(['000_0a557d132eb083d1.txt', '003_b8bbb12e4ef33002.txt']);
    e.removeFile(0);
    expect(e.search('晶體管').hits.map((h) => h.fileName)).toEqual(['003_b8bbb12e4ef33002.txt']);
    expect(e.search('芯片企业').total).toBeGreaterThan(0);
  });

  it('finds one character in exactly the files that hold it, through removals and re-imports', () => {
    const e = seedEngine();
    const files = () => [...new Set(e.search('鲲', { limit: 0 }).hits.map((h) => h.fileName.split('/').pop()))].sort();
    const holding = seeds().filter(({ bytes, name }) => ingest(bytes, name).sections.some((s) => s.text.includes('鲲') || s.text.includes('鯤')));
    expect(holding.length).toBeGreaterThan(0);
    expect(files()).toEqual(holding.map((f) => f.name.split('/').pop()).sort());
    // Remove and re-add every file several times: stale slots pile up and are dropped.
    for (let round = 0; round < 3; round++) {
      seeds().forEach((_, fileId) => e.removeFile(fileId));
      expect(e.search('鲲').total).toBe(0);
      expect(e.search('的').total).toBe(0);
      seeds().forEach(({ name, bytes }, fileId) => {
        e.addFile(fileId, name, ingest(bytes, name).sections);
      });
      expect(files()).toEqual(holding.map((f) => f.name.split('/').pop()).sort());
    }
  });

  it('answers identically after an index export and import', async () => {
    const chunks = await engine.exportIndex();
    const restored = new SearchEngine();
    restored.importIndex(chunks);
    const original = seedEngine();
    // One engine allocates the ids, as one library does.
    const builder = new SearchEngine();
    // Re-add the same sections as already indexed (what a reload does with stored sections).
    seeds().forEach(({ name, bytes }, fileId) => {
      const sections = ingest(bytes, name).sections;
      const stored = builder.addFile(fileId, name, sections);
      restored.restoreFile(fileId, name, stored, true);
    });
    // Before the character index of the restored sections is built (a reload answers at once),
    // one-character and pinyin queries scan the text; after, they use the index. Same answers.
    const queries = ['芯片', '晶體管', 'transformer', '的', '鯤', 'RISC-V', 'xinpian', 'xp', '不存在的词'];
    for (const q of queries) expect(restored.search(q, { limit: 0 }), q).toEqual(original.search(q, { limit: 0 }));
    expect(restored.indexCharacters(20_000)).toBe(false);
    expect(restored.indexCharacters()).toBe(true);
    for (const q of queries) expect(restored.search(q, { limit: 0 }), q).toEqual(original.search(q, { limit: 0 }));
  });
});

describe('SearchEngine with section texts left in storage (a library stored before schema 7)', () => {
  /** The seeds restored without their section texts or patches, and those texts by file. */
  function restoredWithoutTexts(): { restored: SearchEngine; texts: Map<number, string[]> } {
    const restored = new SearchEngine();
    const texts = new Map<number, string[]>();
    const builder = new SearchEngine();
    seeds().forEach(({ name, bytes }, fileId) => {
      const sections = ingest(bytes, name).sections;
      const stored = builder.addFile(fileId, name, sections);
      texts.set(fileId, sections.map((s) => s.text));
      restored.restoreFile(fileId, name, stored.map(({ text: _text, patch: _patch, ...record }) => record));
    });
    return { restored, texts };
  }

  it('shows every section exactly as read, most of them remade from their fold and patch', () => {
    const engine = new SearchEngine();
    let sections = 0;
    seeds().forEach(({ name, bytes }, fileId) => {
      const ingested = ingest(bytes, name).sections;
      engine.addFile(fileId, name, ingested).forEach((s, k) => {
        expect(engine.read(s.id)?.section.text).toBe(ingested[k]!.text);
        sections++;
      });
    });
    expect(sections).toBeGreaterThan(20);
  });

  it('takes records it owns as they are, set right as its copies of them are', () => {
    const copying = new SearchEngine();
    const owning = new SearchEngine();
    const builder = new SearchEngine();
    const ids: number[] = [];
    seeds().forEach(({ name, bytes }, fileId) => {
      const sections = ingest(bytes, name).sections;
      // As storage gives them: strings of their own, and (as a backup's may) a text beside its patch.
      const stored = builder.addFile(fileId, name, sections).map((s, k) => structuredClone({ ...s, text: sections[k]!.text }));
      ids.push(...stored.map((s) => s.id));
      copying.restoreFile(fileId, name, stored);
      owning.restoreFile(fileId, name, structuredClone(stored), false, true);
    });
    expect(owning.storedSections(ids)).toEqual(copying.storedSections(ids));
    expect(owning.storedSections(ids).filter((s) => s.patch !== undefined && s.text === undefined).length).toBeGreaterThan(20);
    for (const q of ['晶體管', '以太坊', '芯片', 'xinpian']) expect(owning.search(q, { limit: 5 }), q).toEqual(copying.search(q, { limit: 5 }));
  });

  it('needs no text stored apart when its records carry their patches (schema 7)', () => {
    const original = seedEngine();
    const restored = new SearchEngine();
    const builder = new SearchEngine();
    let patched = 0;
    seeds().forEach(({ name, bytes }, fileId) => {
      const stored = builder.addFile(fileId, name, ingest(bytes, name).sections);
      patched += stored.filter((s) => s.patch !== undefined && s.text === undefined).length;
      restored.restoreFile(fileId, name, stored);
    });
    expect(patched).toBeGreaterThan(20);
    for (const q of ['晶體管', '以太坊', '递归', '芯片']) {
      const page = restored.rank(q, { limit: 5 });
      expect(restored.filesWithoutText(page.entries.map((e) => e.id))).toEqual([]);
      expect(restored.search(q, { limit: 5 })).toEqual(original.search(q, { limit: 5 }));
    }
  });

  it('ranks without texts, asks for those of the page only, then shows it as if they had been there', () => {
    const original = seedEngine();
    const { restored, texts } = restoredWithoutTexts();
    const loaded = new Set<number>();
    for (const q of ['晶體管', '以太坊', '递归']) {
      const page = restored.rank(q, { limit: 5 });
      const expected = original.search(q, { limit: 5 });
      expect(page.counts.total).toBe(expected.total);
      // Only the files of the page shown are asked for, and not those loaded for an earlier query.
      const pageFiles = expected.hits.map((h) => h.fileId).filter((f) => !loaded.has(f));
      expect(pageFiles.length, q).toBeGreaterThan(0);
      const missing = restored.filesWithoutText(page.entries.map((e) => e.id));
      expect(new Set(missing)).toEqual(new Set(pageFiles));
      for (const fileId of missing) {
        restored.setTexts(fileId, texts.get(fileId)!);
        loaded.add(fileId);
      }
      expect({ ...page.counts, facets: page.facets, hits: restored.hits(page) }).toEqual(expected);
    }
    const section = restored.search('芯片', { limit: 1 }).hits[0]!.sectionId;
    expect(restored.read(section, '芯片')).toEqual(original.read(section, '芯片'));
  });

  it('refuses to show a page whose text is not loaded, naming what to load', () => {
    const { restored } = restoredWithoutTexts();
    const page = restored.rank('晶體管');
    expect(page.entries.length).toBeGreaterThan(0);
    expect(() => restored.hits(page)).toThrow(/text of section \d+ is not loaded: load file \d+/);
    expect(() => restored.search('晶體管')).toThrow(/not loaded/);
    expect(restored.read(page.entries[0]!.id, '晶體管')).toBeNull();
  });

  it('leaves the records it restored unchanged when their texts are loaded', () => {
    const stored = new SearchEngine().addFile(0, 'a.txt', [{ title: '题', text: '芯片企业', start: 0 }]);
    const record = (({ text: _text, ...rest }) => rest)(stored[0]!);
    const engine = new SearchEngine();
    engine.restoreFile(0, 'a.txt', [record]);
    engine.setTexts(0, ['芯片企业']);
    expect(engine.search('芯片').hits[0]!.snippet.text).toBe('芯片企业');
    expect('text' in record).toBe(false);
  });
});

describe('SearchEngine groups copies of one article', () => {
  const parallel = (side: 'cn' | 'tw', name: string) => new Uint8Array(readFileSync(join(CORPUS_DIR, 'parallel', side, name)));

  it('lists a Simplified man page and its Traditional twin once, with "also in"', () => {
    const engine = new SearchEngine();
    [['cn', 'sleep.1.txt'], ['tw', 'sleep.1.txt'], ['cn', 'unicode_start.1.txt']].forEach(([side, name], fileId) => {
      const path = `${side}/${name}`;
      engine.addFile(fileId, path, ingest(parallel(side as 'cn' | 'tw', name!), path).sections);
    });
    const r = engine.search('sleep', { limit: 0 });
    expect(r.matches).toBe(2);
    expect(r.total).toBe(1);
    const [hit] = r.hits;
    expect([hit!.fileName, ...hit!.alsoIn.map((a) => a.fileName)].sort()).toEqual(['cn/sleep.1.txt', 'tw/sleep.1.txt']);
    // Different pages are never folded together.
    const both = engine.search('unicode', { limit: 0 });
    expect(both.hits.every((h) => h.alsoIn.length === 0)).toBe(true);
  });
});

describe('SearchEngine query language on the seeds', () => {
  const engine = seedEngine();
  const titles = (q: string) => engine.search(q, { limit: 0 }).hits.map((h) => h.title);

  it('OR widens, -exclude narrows, title: and file: filter, date: ranges', () => {
    const either = engine.search('以太坊 OR 天价头显', { limit: 0 }).total;
    expect(either).toBe(engine.search('以太坊', { limit: 0 }).total + engine.search('天价头显', { limit: 0 }).total);
    expect(titles('芯片 -晶体管')).not.toContain('IBM全新AIU芯片:5nm工艺,230亿晶体管!深度学习处理性能强劲!');
    expect(titles('title:risc-v')).toEqual(['索尼、瑞萨入局,谈谈日本的RISC-V生态']);
    expect(new Set(engine.search('芯片 file:001', { limit: 0 }).hits.map((h) => h.fileName))).toEqual(new Set(['001_23f69d89ce459f38.txt']));
    expect(engine.search('date:2022-10', { limit: 0 }).total).toBe(9);
    expect(engine.search('date:2022-05..2022-10', { limit: 0 }).total).toBe(10);
  });
});

describe('SearchEngine pinyin queries', () => {
  const engine = seedEngine();

  it('finds 芯片 by xinpian and by its initials, marking the Han characters', () => {
    for (const query of ['xinpian', 'xp']) {
      const result = engine.search(query, { limit: 0 });
      expect(result.matches, query).toBe(0);
      expect(result.pinyinMatches, query).toBeGreaterThan(0);
      expect(result.hits.map((h) => h.title)).toContain('2022中國AI芯片企業50強');
      for (const hit of result.hits) expect(hit.match).toBe('pinyin');
    }
    const hit = engine.search('xinpian').hits.find((h) => h.title === '2022中國AI芯片企業50強')!;
    expect(hit.titleMarks).toEqual([{ start: 8, end: 10 }]);
    expect(hit.snippet.marks.length).toBeGreaterThan(0);
    for (const m of hit.snippet.marks) expect(hit.snippet.text.slice(m.start, m.end)).toMatch(/^\p{Script=Han}{2}$/u);
  });

  it('lists every literal match before any pinyin match', () => {
    const result = engine.search('ai', { limit: 0 });
    expect(result.matches).toBeGreaterThan(0);
    expect(result.pinyinMatches).toBeGreaterThan(0);
    const firstPinyin = result.hits.findIndex((h) => h.match === 'pinyin');
    expect(firstPinyin).toBeGreaterThan(0);
    expect(result.hits.slice(firstPinyin).every((h) => h.match === 'pinyin')).toBe(true);
    for (const h of result.hits.slice(0, firstPinyin)) expect(engine.read(h.sectionId)!.section.text.toLowerCase()).toContain('ai');
  });

  it('stays off when the query holds a Han character', () => {
    const result = engine.search('xinpian 企业');
    expect(result.pinyinMatches).toBe(0);
    expect(result.total).toBe(0);
  });

  it('marks pinyin matches in the reader', () => {
    const hit = engine.search('xinpian').hits[0]!;
    const read = engine.read(hit.sectionId, 'xinpian')!;
    expect(read.marks.length).toBeGreaterThan(0);
    for (const m of read.marks) expect(read.section.text.slice(m.start, m.end)).toHaveLength(2);
  });
});

describe('SearchEngine allocates section ids', () => {
  const note = (text: string) => [{ title: text, text, start: 0 }];

  it('gives each new section a fresh id, never reusing a removed one', () => {
    const engine = new SearchEngine();
    const a = engine.addFile(1, 'a.txt', [...note('甲'), ...note('乙')]).map((s) => s.id);
    engine.removeFile(1);
    const b = engine.addFile(2, 'b.txt', note('丙')).map((s) => s.id);
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([3]);
  });

  it('continues after restored sections and after a reserved counter (ids of writes that failed)', () => {
    const stored = new SearchEngine().addFile(1, 'a.txt', note('甲'));
    const engine = new SearchEngine();
    engine.restoreFile(1, 'a.txt', stored);
    expect(engine.nextSectionId).toBe(2);
    engine.restored(10);
    engine.restored(5);
    expect(engine.addFile(2, 'b.txt', note('乙')).map((s) => s.id)).toEqual([10]);
    engine.clear();
    expect(engine.nextSectionId).toBe(1);
  });
});

describe('SearchEngine adds a big file a slice at a time', () => {
  const sections = Array.from({ length: 400 }, (_, i) => ({ title: `第${i + 1}回`, text: `第${i + 1}回\n${i === 399 ? '天下。' : '話說天下大勢。'.repeat(100)}`, start: 0 }));

  it('pauses between slices, is searchable as far as it is added, and ends as addFile does', () => {
    const engine = new SearchEngine();
    const slices = engine.addFileInSlices(1, 'big.txt', sections, 20_000);
    let pauses = 0;
    let step = slices.next();
    const partial = engine.search('天下').matches;
    for (; !step.done; step = slices.next()) pauses++;
    expect(pauses).toBeGreaterThan(5);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(400);
    const whole = new SearchEngine().addFile(1, 'big.txt', sections);
    expect(step.value).toEqual(whole);
    expect(engine.search('天下').matches).toBe(400);
    // The file's script is known only at the end: the last section, with no character of its own
    // that tells, takes it then.
    expect(step.value.every((s) => s.script === 'hant')).toBe(true);
  });
});
