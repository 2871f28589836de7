import { describe, expect, it } from 'vitest';
import { parseListQuery } from './list-params';

describe('react-admin list parameters', () => {
  it('parses sort, range and filter', () => {
    expect(parseListQuery({ sort: '["name","DESC"]', range: '[25,49]', filter: '{"q":"lake"}' })).toEqual({
      sort: { field: 'name', order: 'DESC' },
      start: 25,
      end: 49,
      filter: { q: 'lake' },
    });
  });

  it('defaults to the first 25 rows, unsorted, unfiltered', () => {
    expect(parseListQuery({})).toEqual({ sort: undefined, start: 0, end: 24, filter: {} });
  });

  it.each([
    [{ sort: 'name' }, 'sort'],
    [{ sort: '["name","UP"]' }, 'sort'],
    [{ range: '[5,1]' }, 'range'],
    [{ range: '[-1,3]' }, 'range'],
    [{ filter: '[1]' }, 'filter'],
    [{ filter: '{' }, 'filter'],
  ])('refuses %j naming the field', (query, field) => {
    expect(() => parseListQuery(query)).toThrowError(
      expect.objectContaining({
        details: { fieldErrors: [expect.objectContaining({ field })] },
      }) as unknown as Error,
    );
  });
});
