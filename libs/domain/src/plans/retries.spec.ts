import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import {
  declineKind,
  DEFAULT_RETRY_DAYS,
  HARD_DECLINE_CODES,
  MAX_REPRESENTMENTS,
  mayRepresent,
  parseRetryDays,
  REPRESENTABLE_RETURN_CODES,
  retryDate,
  SOFT_DECLINE_CODES,
} from './retries';

describe('declineKind', () => {
  it.each(['014', '054', '003', '012', '013', '025', '082'])('%s is hard', (code) => {
    expect(declineKind(code)).toBe('hard');
  });

  it.each(['005', '051', '001', '028'])('%s is soft', (code) => {
    expect(declineKind(code)).toBe('soft');
  });

  it('treats an unknown code as hard', () => {
    expect(declineKind('999')).toBe('hard');
    expect(declineKind('')).toBe('hard');
  });

  it('lists the codes of payment-plans.md', () => {
    expect([...HARD_DECLINE_CODES].sort()).toEqual(['003', '012', '013', '014', '025', '054', '082']);
    expect([...SOFT_DECLINE_CODES].sort()).toEqual(['001', '005', '028', '051']);
  });
});

describe('retryDate', () => {
  it('retries 1, 3 and 5 days after the due date, then gives up', () => {
    expect(DEFAULT_RETRY_DAYS).toEqual([1, 3, 5]);
    expect(retryDate('2025-02-27', 1, DEFAULT_RETRY_DAYS)).toBe('2025-02-28');
    expect(retryDate('2025-02-27', 2, DEFAULT_RETRY_DAYS)).toBe('2025-03-02');
    expect(retryDate('2025-02-27', 3, DEFAULT_RETRY_DAYS)).toBe('2025-03-04');
    expect(retryDate('2025-02-27', 4, DEFAULT_RETRY_DAYS)).toBeNull();
  });

  it('follows custom days, and none', () => {
    expect(retryDate('2025-12-30', 1, [2, 10])).toBe('2026-01-01');
    expect(retryDate('2025-12-30', 2, [2, 10])).toBe('2026-01-09');
    expect(retryDate('2025-12-30', 3, [2, 10])).toBeNull();
    expect(retryDate('2025-12-30', 1, [])).toBeNull();
  });

  it('refuses a count below 1', () => {
    expect(() => retryDate('2025-01-01', 0, DEFAULT_RETRY_DAYS)).toThrow(RangeError);
  });
});

describe('parseRetryDays', () => {
  it.each([
    [
      [1, 3, 5],
      [1, 3, 5],
    ],
    [[], []],
    ['2,4,8,16,30', [2, 4, 8, 16, 30]],
    [' 1, 2 ', [1, 2]],
    ['', []],
  ])('reads %j', (input, days) => {
    expect(parseRetryDays(input)).toEqual(days);
  });

  it.each([
    [[1, 2, 3, 4, 5, 6], 'at most 5'],
    [[3, 1], 'strictly increasing'],
    [[2, 2], 'strictly increasing'],
    [[0], '1 to 30'],
    [[31], '1 to 30'],
    [[1.5], '1 to 30'],
    ['1,x', '1 to 30'],
    ['1,,3', '1 to 30'],
    [7, 'list of days'],
    [null, 'list of days'],
  ])('refuses %j', (input, words) => {
    try {
      parseRetryDays(input);
      expect.fail('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details.fieldErrors?.map((f) => f.field)).toEqual(['planRetryDays']);
      expect((e as DomainError).message).toContain(words);
    }
  });
});

describe('mayRepresent', () => {
  it('re-presents R01 and R09 at most twice', () => {
    expect(REPRESENTABLE_RETURN_CODES).toEqual(['R01', 'R09']);
    expect(MAX_REPRESENTMENTS).toBe(2);
    expect(mayRepresent('R01', 0)).toBe(true);
    expect(mayRepresent('R09', 1)).toBe(true);
    expect(mayRepresent('r01', 1)).toBe(true);
    expect(mayRepresent('R01', 2)).toBe(false);
  });

  it('never re-presents other returns', () => {
    for (const code of ['R02', 'R03', 'R10', 'R29', '']) expect(mayRepresent(code, 0)).toBe(false);
  });
});
