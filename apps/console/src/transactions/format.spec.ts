import { describe, expect, it } from 'vitest';
import { notCharged } from './format';

describe('notCharged', () => {
  it('gives the requested amount of a declined or cancelled payment, which charged $0.00', () => {
    expect(notCharged({ status: 'D', amount: '0.00', requestAmount: '25.00' })).toBe('25.00');
    expect(notCharged({ status: 'X', amount: null, requestAmount: '7.10' })).toBe('7.10');
    expect(notCharged({ status: 'A', amount: '0.00', requestAmount: '12.00' })).toBe('12.00');
  });

  it('is null for a payment that charged, and for one that asked for nothing', () => {
    expect(notCharged({ status: 'C', amount: '25.00', requestAmount: '25.00' })).toBeNull();
    expect(notCharged({ status: 'A', amount: '10.00', requestAmount: '25.00' })).toBeNull();
    expect(notCharged({ status: 'O', amount: '0.00', requestAmount: null })).toBeNull();
    expect(notCharged({ status: 'D', amount: '0.00', requestAmount: '0.00' })).toBeNull();
  });
});
