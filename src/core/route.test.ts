import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mayBeBackup } from './backup.ts';
import { isSupportedName, routeByName, routeOf } from './route.ts';

const zip = zipSync({ 'a.txt': new Uint8Array([0x61]) });
const text = new TextEncoder().encode('文字');

describe('one place decides how a file is read', () => {
  it.each([
    ['a.txt', 'text'],
    ['README', 'text'],
    ['a.MD', 'markdown'],
    ['page.htm', 'html'],
    ['x.xhtml', 'html'],
    ['a.zip', 'archive'],
    ['book.epub', 'book'],
    ['slides.key', 'unsupported'],
    ['.hidden', 'text'],
  ])('%s by name → %s', (name, route) => {
    expect(routeByName(name)).toBe(route);
    expect(isSupportedName(name)).toBe(route !== 'unsupported');
  });

  it('by content: any zip is an archive (a book when named so); an archive or book that is not a zip is broken', () => {
    expect(routeOf('notes.txt', zip)).toBe('archive');
    expect(routeOf('book.epub', zip)).toBe('book');
    expect(routeOf('fake.zip', text)).toBe('broken-archive');
    expect(routeOf('fake.epub', text)).toBe('broken-archive');
    expect(routeOf('empty.zip', new Uint8Array())).toBe('text');
    expect(routeOf('a.txt', text)).toBe('text');
  });

  it('a backup is only a zip named .zip', () => {
    expect(mayBeBackup('souwen-backup.zip', zip)).toBe(true);
    expect(mayBeBackup('book.epub', zip)).toBe(false);
    expect(mayBeBackup('notes.txt', zip)).toBe(false);
    expect(mayBeBackup('fake.zip', text)).toBe(false);
  });
});
