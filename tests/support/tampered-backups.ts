/**
 * The mixed drop of issue 12: two good files around every tampered backup found (an `original`
 * of "__proto__" or "constructor", a numeric `path`, a manifest that is not JSON, dates out of
 * range). Used by the worker's Node test and the end-to-end test in Chromium.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { BACKUP_MANIFEST, writeBackup } from '../../src/core/backup.ts';
import { seeds } from './corpus.ts';

/** When the backups' sane entries were added. */
export const ADDED = Date.UTC(2024, 4, 1);

type Manifest = Record<string, unknown> & { files: Record<string, unknown>[] };

/** A backup of one note per word (the note's text holds it), its manifest edited by `tamper`. */
function backup(words: string[], tamper: (m: Manifest) => void): Uint8Array {
  const files = words.map((w, i) => ({ path: `notes/${w}.txt`, addedAt: ADDED + i, encoding: 'utf-8', original: `笔记：${w}在这里。\n第二行写着${w}的内容。`, articles: [] }));
  const entries = unzipSync(writeBackup(files, new Date(ADDED)));
  const manifest = JSON.parse(strFromU8(entries[BACKUP_MANIFEST]!)) as Manifest;
  tamper(manifest);
  return zipSync({ ...entries, [BACKUP_MANIFEST]: strToU8(JSON.stringify(manifest)) });
}

/** The dropped files, in drop order. */
export function mixedDrop(): { path: string; bytes: Uint8Array }[] {
  const notJson = unzipSync(backup(['清单坏了'], () => {}));
  notJson[BACKUP_MANIFEST] = strToU8('{ "format": "souwen-library", 这不是 JSON');
  return [
    { path: 'first.txt', bytes: seeds()[0]!.bytes },
    { path: 'proto.zip', bytes: backup(['原型链甲', '原型链乙', '原型链丙'], (m) => ((m.files[0]!.original = '__proto__'), (m.files[2]!.original = 'constructor'))) },
    { path: 'numeric.zip', bytes: backup(['数字路径甲', '数字路径乙'], (m) => (m.files[0]!.path = 42)) },
    { path: 'notjson.zip', bytes: zipSync(notJson) },
    { path: 'dates.zip', bytes: backup(['日期甲', '日期乙', '日期丙'], (m) => ((m.files[0]!.addedAt = 'yesterday'), (m.files[1]!.addedAt = 1e300))) },
    { path: 'last.txt', bytes: seeds()[1]!.bytes },
  ];
}

/** Words of the restored entries, each found in `notes/<word>.txt`. */
export const RESTORED_WORDS = ['原型链乙', '数字路径乙', '日期甲', '日期乙', '日期丙'];
/** Words of the refused entries, found nowhere. */
export const REFUSED_WORDS = ['原型链甲', '原型链丙', '数字路径甲', '清单坏了'];
/** Every file the library lists after the drop, sorted. */
export const LISTED = ['first.txt', 'last.txt', ...RESTORED_WORDS.map((w) => `notes/${w}.txt`)].sort();
