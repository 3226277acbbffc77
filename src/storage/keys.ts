/** Key layout of the single IndexedDB object store. */
export const META_KEY = 'meta';
export const fileKey = (id: number) => `file:${id}`;
/** A file's section records, one value per file (schema 5 and before; see `blockKey`). */
export const sectionsKey = (fileId: number) => `sections:${fileId}`;
/** Files stored together with their sections' records (schema 6): the key names the files. */
export const blockKey = (fileIds: readonly number[]) => `block:${fileIds.join(',')}`;
/** The files a block key names. */
export const fileIdsOfBlock = (key: string): number[] => key.slice('block:'.length).split(',').map(Number);
/** The range of every block's key. */
export const blockKeyRange = () => IDBKeyRange.bound('block:', 'block;', false, true);
/** The text of a file's sections, in order; read when one of them is shown, never at startup. */
export const textsKey = (fileId: number) => `texts:${fileId}`;
/** The decoded text before cleaning; read only on demand, never at startup. */
export const originalKey = (fileId: number) => `original:${fileId}`;
export const indexKey = (generation: number, chunk: string) => `index:${generation}:${chunk}`;
/** The range of every file record's key: `file:` and anything after it (`;` follows `:`). */
export const fileKeyRange = () => IDBKeyRange.bound('file:', 'file;', false, true);
/** The range of every index chunk's key, of every generation. */
export const indexKeyRange = () => IDBKeyRange.bound('index:', 'index;', false, true);
export const indexGenerationOf = (k: string): number | null => (k.startsWith('index:') ? Number(k.split(':')[1]) : null);
export const indexChunkOf = (k: string) => k.split(':').slice(2).join(':');
