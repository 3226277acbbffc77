import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseView, viewSearch, type ViewState } from './url.ts';

describe('the view in the URL', () => {
  it('reads a shared link', () => {
    expect(parseView('?q=%E8%8A%AF%E7%89%87+title%3A%E7%AE%80%E6%8A%A5&sort=date&source=%E6%96%B0%E6%B5%AA&source=x&year=2022&file=3&a=17')).toEqual({
      query: '芯片 title:简报',
      sort: 'date',
      filters: { source: ['新浪', 'x'], year: ['2022'] },
      fileId: 3,
      article: 17,
    });
  });

  it('ignores what it cannot read', () => {
    expect(parseView('?a=abc&file=-2&sort=weird')).toEqual({ query: '', sort: 'relevance', filters: {}, fileId: undefined, article: undefined });
    expect(viewSearch(parseView(''))).toBe('');
  });

  it('writes what it reads, for any view', () => {
    const text = fc.string({ minLength: 1 });
    const view = fc.record<ViewState>({
      query: fc.string(),
      sort: fc.constantFrom('relevance', 'date'),
      filters: fc.record({ source: fc.array(text, { minLength: 1 }), year: fc.array(text, { minLength: 1 }), folder: fc.array(text, { minLength: 1 }) }, { requiredKeys: [] }),
      fileId: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: undefined }),
      article: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(view, (v) => {
        expect(parseView(viewSearch(v))).toEqual(v);
      }),
    );
  });
});
