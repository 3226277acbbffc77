import { normalize } from './normalize/normalize.ts';
import { preparePinyin } from './query/pinyin.ts';
import { prepareWording } from './query/wording.ts';

/**
 * Builds the tables the first import or search would otherwise build on its way: the fold table,
 * the wording tries and the pinyin table, about 100 ms in all. The worker runs it while storage
 * reads a library; a benchmark runs it with the build, so that no query is charged for it.
 */
export function prepareTables(): void {
  normalize('');
  prepareWording();
  preparePinyin();
}
