import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../tests/support/hash.ts';
import { ParseServer, READ_AHEAD } from './parse-server.ts';
import type { ParseReply } from './reader.ts';

const text = (s: string) => new TextEncoder().encode(s);

function server() {
  const replies: ParseReply[] = [];
  return { replies, server: new ParseServer((r) => replies.push(r), sha256) };
}

/** Lets the server post what it may (it waits for each file's hash): a turn of the event loop. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ParseServer', () => {
  it('gives a plain file’s outcome and its end together, without being asked again', async () => {
    const { replies, server: s } = server();
    s.handle({ type: 'read', id: 1, bytes: text('春眠不觉晓，处处闻啼鸟。'), path: 'poem.txt', depth: 0, budgetRemaining: 1e9 });
    await settled();
    expect(replies.map((r) => r.type)).toEqual(['outcome', 'done']);
  });

  it('reads a source asked for during another as soon as that one ends, without being asked again', async () => {
    const { replies, server: s } = server();
    const entries = Object.fromEntries(Array.from({ length: 3 }, (_, k) => [`${k}.txt`, text(`第${k}篇 正文`)]));
    s.handle({ type: 'read', id: 1, bytes: zipSync(entries), path: 'three.zip', depth: 0, budgetRemaining: 1e9 });
    s.handle({ type: 'read', id: 2, bytes: text('夜来风雨声'), path: 'next.txt', depth: 0, budgetRemaining: 1e9 });
    await settled();
    // The archive's first two entries, then it waits to be asked for more: the next source waits too.
    expect(replies.map((r) => [r.type, r.id])).toEqual([['outcome', 1], ['outcome', 1]]);
    s.handle({ type: 'next', id: 2 }); // not the source being read: nothing
    await settled();
    expect(replies).toHaveLength(2);
    s.handle({ type: 'next', id: 1 });
    s.handle({ type: 'next', id: 1 });
    await settled();
    expect(replies.map((r) => [r.type, r.id])).toEqual([['outcome', 1], ['outcome', 1], ['outcome', 1], ['done', 1], ['outcome', 2], ['done', 2]]);
  });

  it('reads an archive at most READ_AHEAD entries ahead of what was taken', async () => {
    const entries = Object.fromEntries(Array.from({ length: 6 }, (_, k) => [`${k}.txt`, text(`第${k}篇 正文`)]));
    const { replies, server: s } = server();
    s.handle({ type: 'read', id: 7, bytes: zipSync(entries), path: 'six.zip', depth: 0, budgetRemaining: 1e9 });
    await settled();
    expect(replies).toHaveLength(READ_AHEAD);
    for (let taken = 1; taken <= 4; taken++) {
      s.handle({ type: 'next', id: 7 });
      await settled();
      expect(replies).toHaveLength(READ_AHEAD + taken);
    }
    // A `next` for another source is not this one's.
    s.handle({ type: 'next', id: 6 });
    await settled();
    expect(replies).toHaveLength(READ_AHEAD + 4);
    s.handle({ type: 'next', id: 7 });
    await settled();
    expect(replies.map((r) => r.type)).toEqual([...Array<string>(6).fill('outcome'), 'done']);
  });

  it('prepares each file it reads (folded, hashed); a file that fails to prepare is its own internal outcome', async () => {
    const failing = async (bytes: Uint8Array) => {
      if (new TextDecoder().decode(bytes).includes('坏')) throw new Error('hashing failed');
      return sha256(bytes);
    };
    const replies: ParseReply[] = [];
    const s = new ParseServer((r) => replies.push(r), failing);
    s.handle({ type: 'read', id: 1, bytes: text('坏了的文件'), path: 'bad.txt', depth: 0, budgetRemaining: 1e9 });
    s.handle({ type: 'read', id: 2, bytes: text('夜来风雨声'), path: 'good.txt', depth: 0, budgetRemaining: 1e9 });
    await settled();
    expect(replies.map((r) => [r.type, r.id])).toEqual([['outcome', 1], ['done', 1], ['outcome', 2], ['done', 2]]);
    const [bad, , good] = replies.map((r) => (r.type === 'outcome' ? r.outcome : undefined));
    expect(bad && 'error' in bad && bad.error.code).toBe('internal');
    expect(good && 'file' in good && good.file.textHash).toBe(await sha256(text('夜来风雨声')));
    expect(good && 'file' in good && good.file.sections[0]!.folded?.norm).toBe('夜来风雨声');
  });
});
