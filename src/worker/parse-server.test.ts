import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ParseServer, READ_AHEAD } from './parse-server.ts';
import type { ParseReply } from './reader.ts';

const text = (s: string) => new TextEncoder().encode(s);

function server() {
  const replies: ParseReply[] = [];
  return { replies, server: new ParseServer((r) => replies.push(r)) };
}

describe('ParseServer', () => {
  it('gives a plain file’s outcome and its end together, without being asked again', () => {
    const { replies, server: s } = server();
    s.handle({ type: 'read', id: 1, bytes: text('春眠不觉晓，处处闻啼鸟。'), path: 'poem.txt', depth: 0, budgetRemaining: 1e9 });
    expect(replies.map((r) => r.type)).toEqual(['outcome', 'done']);
  });

  it('reads a source asked for during another as soon as that one ends, without being asked again', () => {
    const { replies, server: s } = server();
    const entries = Object.fromEntries(Array.from({ length: 3 }, (_, k) => [`${k}.txt`, text(`第${k}篇 正文`)]));
    s.handle({ type: 'read', id: 1, bytes: zipSync(entries), path: 'three.zip', depth: 0, budgetRemaining: 1e9 });
    s.handle({ type: 'read', id: 2, bytes: text('夜来风雨声'), path: 'next.txt', depth: 0, budgetRemaining: 1e9 });
    // The archive's first two entries, then it waits to be asked for more: the next source waits too.
    expect(replies.map((r) => [r.type, r.id])).toEqual([['outcome', 1], ['outcome', 1]]);
    s.handle({ type: 'next', id: 2 }); // not the source being read: nothing
    expect(replies).toHaveLength(2);
    s.handle({ type: 'next', id: 1 });
    s.handle({ type: 'next', id: 1 });
    expect(replies.map((r) => [r.type, r.id])).toEqual([['outcome', 1], ['outcome', 1], ['outcome', 1], ['done', 1], ['outcome', 2], ['done', 2]]);
  });

  it('reads an archive at most READ_AHEAD entries ahead of what was taken', () => {
    const entries = Object.fromEntries(Array.from({ length: 6 }, (_, k) => [`${k}.txt`, text(`第${k}篇 正文`)]));
    const { replies, server: s } = server();
    s.handle({ type: 'read', id: 7, bytes: zipSync(entries), path: 'six.zip', depth: 0, budgetRemaining: 1e9 });
    expect(replies).toHaveLength(READ_AHEAD);
    for (let taken = 1; taken <= 4; taken++) {
      s.handle({ type: 'next', id: 7 });
      expect(replies).toHaveLength(READ_AHEAD + taken);
    }
    // A `next` for another source is not this one's.
    s.handle({ type: 'next', id: 6 });
    expect(replies).toHaveLength(READ_AHEAD + 4);
    s.handle({ type: 'next', id: 7 });
    expect(replies.map((r) => r.type)).toEqual([...Array<string>(6).fill('outcome'), 'done']);
  });
});
