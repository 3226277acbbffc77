import { describe, expect, it } from 'vitest';
import { SKIP_REASONS, skipReason } from './messages.ts';

describe('skip reasons', () => {
  it('names what a refused encoding looks like, in Chinese', () => {
    expect(skipReason('foreign-encoding', 'Korean (EUC-KR)')).toContain('看起来是韩文 (EUC-KR)');
    expect(skipReason('foreign-encoding', 'Japanese (Shift_JIS)')).toContain('看起来是日文 (Shift_JIS)');
    expect(skipReason('foreign-encoding', 'Chinese in EUC-TW')).toContain('中文，编码为 EUC-TW');
  });

  it('gives the plain reason for other codes', () => {
    expect(skipReason('empty')).toBe(SKIP_REASONS.empty);
    expect(skipReason('foreign-encoding')).toBe(SKIP_REASONS['foreign-encoding']);
  });
});
