/** Key layout of the single IndexedDB object store. */
export const META_KEY = 'meta';
export const fileKey = (id: number) => `file:${id}`;
export const sectionsKey = (fileId: number) => `sections:${fileId}`;
/** The decoded text before cleaning; read only on demand, never at startup. */
export const originalKey = (fileId: number) => `original:${fileId}`;
export const indexKey = (generation: number, chunk: string) => `index:${generation}:${chunk}`;
export const isFileKey = (k: string) => k.startsWith('file:');
export const indexGenerationOf = (k: string): number | null => (k.startsWith('index:') ? Number(k.split(':')[1]) : null);
export const indexChunkOf = (k: string) => k.split(':').slice(2).join(':');
