/** Key layout of the single IndexedDB object store. */
export const META_KEY = 'meta';
export const fileKey = (id: number) => `file:${id}`;
export const sectionsKey = (fileId: number) => `sections:${fileId}`;
/** The text of a file's sections, in order; read when one of them is shown, never at startup. */
export const textsKey = (fileId: number) => `texts:${fileId}`;
/** The decoded text before cleaning; read only on demand, never at startup. */
export const originalKey = (fileId: number) => `original:${fileId}`;
export const indexKey = (generation: number, chunk: string) => `index:${generation}:${chunk}`;
/** The range of every file record's key: `file:` and anything after it (`;` follows `:`). */
export const fileKeyRange = () => IDBKeyRange.bound('file:', 'file;', false, true);
export const indexGenerationOf = (k: string): number | null => (k.startsWith('index:') ? Number(k.split(':')[1]) : null);
export const indexChunkOf = (k: string) => k.split(':').slice(2).join(':');
