/** The first pages of common characters are made when requests pause, but not while an import runs. */
import { describe, expect, it, vi } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import { sha256 } from '../../tests/support/hash.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { Library } from './library.ts';
import { inProcessReader, type SourceReader } from './reader.ts';

const never = new AbortController().signal;

/** Reads as the library would in this thread, but holds the second file until `open` is called. */
function heldReader(): { reader: SourceReader; reached: Promise<void>; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let reach!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  let files = 0;
  const reader: SourceReader = {
    async *read(source) {
      if (++files === 2) {
        reach();
        await gate;
      }
      yield* inProcessReader.read(source);
    },
  };
  return { reader, reached, open };
}

describe('idle work and the first pages of common characters', () => {
  it('makes none while an import runs, and makes them once it ends', async () => {
    const { reader, reached, open } = heldReader();
    const library = new Library(new MemoryLibraryStore(), sha256, reader);
    await library.init();
    const prepare = vi.spyOn(library.engine, 'prepareCommonAnswers');
    const importing = library.import(seeds().map((s) => ({ name: s.name, path: s.name, bytes: s.bytes.slice().buffer })), () => {}, never);
    await reached;
    while (!(await library.idleSlice()));
    expect(prepare).not.toHaveBeenCalled();
    open();
    await importing;
    while (!(await library.idleSlice()));
    expect(prepare).toHaveBeenCalled();
  });
});
