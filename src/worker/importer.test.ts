import { describe, expect, it, vi } from 'vitest';
import { seeds } from '../../tests/support/corpus.ts';
import { sha256 } from '../../tests/support/hash.ts';
import type { ImportFile } from '../shared/protocol.ts';
import { MemoryLibraryStore } from '../storage/memory-store.ts';
import { Library } from './library.ts';
import { inProcessReader, type SourceReader } from './reader.ts';

const seedFiles = (): ImportFile[] => seeds().map(({ name, bytes }) => ({ name, path: name, bytes: bytes.slice().buffer }));

describe('Importer', () => {
  it('reads the next file while it indexes this one, and keeps every outcome in order', async () => {
    const events: string[] = [];
    // A reader that takes a moment, as the parsing worker does, and says when it starts.
    const reader: SourceReader = {
      async *read(request) {
        events.push(`read ${request.path}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        yield* inProcessReader.read(request);
      },
    };
    const library = new Library(new MemoryLibraryStore(), sha256, reader);
    await library.init();
    const addFile = library.engine.addFileInSlices.bind(library.engine);
    vi.spyOn(library.engine, 'addFileInSlices').mockImplementation((fileId, path, sections, slice) => {
      events.push(`index ${path}`);
      return addFile(fileId, path, sections, slice);
    });
    const files = seedFiles().slice(0, 4);
    const report = await library.import(files, () => {}, new AbortController().signal);
    expect(report.outcomes.map((o) => o.path)).toEqual(files.map((f) => f.path));
    expect(report.outcomes.every((o) => o.status === 'indexed')).toBe(true);
    // Each file is asked of the reader before the one ahead of it is indexed.
    for (let k = 1; k < files.length; k++) expect(events.indexOf(`read ${files[k]!.path}`)).toBeLessThan(events.indexOf(`index ${files[k - 1]!.path}`));
  });
});
