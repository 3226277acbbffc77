import { describe, expect, it } from 'vitest';
import type { LibraryFile } from '../../shared/protocol.ts';
import { libraryRows } from './library-view.ts';

const file = (id: number, path: string, title: string, size: number, addedAt: number): LibraryFile => ({
  id,
  name: path.split('/').pop()!,
  path,
  folder: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '',
  title,
  size,
  encoding: 'utf-8',
  sections: 1,
  addedAt,
});
const files = [file(1, 'b/2.txt', '芯片', 10, 1), file(2, 'a/10.txt', '晶体管', 30, 3), file(3, 'a/9.txt', 'RISC-V', 20, 2), file(4, 'top.txt', '简报', 5, 4)];
const ids = (rows: ReturnType<typeof libraryRows>) => rows.map((r) => (r.kind === 'file' ? r.file.id : `[${r.folder}]`));

describe('the library list', () => {
  it('sorts by date added, name (numbers as numbers) and size', () => {
    expect(ids(libraryRows(files, '', 'added', false))).toEqual([4, 2, 3, 1]);
    expect(ids(libraryRows(files, '', 'name', false))).toEqual([1, 3, 2, 4]);
    expect(ids(libraryRows(files, '', 'size', false))).toEqual([2, 3, 1, 4]);
  });

  it('filters by name, path or title', () => {
    expect(ids(libraryRows(files, '晶体', 'added', false))).toEqual([2]);
    expect(ids(libraryRows(files, 'A/', 'name', false))).toEqual([3, 2]);
  });

  it('groups by folder, with a heading and a count per folder', () => {
    const rows = libraryRows(files, '', 'name', true);
    expect(ids(rows)).toEqual(['[]', 4, '[a]', 3, 2, '[b]', 1]);
    expect(rows[2]).toEqual({ kind: 'folder', folder: 'a', files: 2 });
  });
});
