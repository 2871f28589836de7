import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { assertWithinLimit } from './limits';

describe('assertWithinLimit', () => {
  it('allows the limit itself and refuses a cent more, naming the field and the limit', () => {
    expect(() => assertWithinLimit(9_999_999, 9_999_999)).not.toThrow();
    try {
      assertWithinLimit(9_999_999_999, 9_999_999);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
      expect((e as DomainError).details.fieldErrors).toEqual([
        {
          field: 'amount',
          message: "amount 99999999.99 exceeds this merchant's per-transaction limit of 99999.99",
        },
      ]);
    }
  });
});
