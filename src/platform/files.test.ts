import { describe, expect, it } from 'vitest';
import { isJunkPath } from './files.ts';

describe('isJunkPath', () => {
  it.each(['.DS_Store', 'notes/.DS_Store', '__MACOSX/notes/._a.txt', 'photos/Thumbs.db', '.git/config', 'a/desktop.ini'])('skips %s', (p) => {
    expect(isJunkPath(p)).toBe(true);
  });
  it.each(['notes/读书笔记.txt', 'a.b/c.txt', 'MACOSX.txt'])('keeps %s', (p) => {
    expect(isJunkPath(p)).toBe(false);
  });
});
