import { describe, expect, it } from 'vitest';
import { isApproval, ResponseCode, responseMessage } from './response-codes';

describe('response codes', () => {
  it('has the 13 codes of payments.md with their messages', () => {
    const table: [ResponseCode, string][] = [
      [ResponseCode.Approved, 'APPROVED'],
      [ResponseCode.Referral, 'REFERRAL - CALL ISSUER'],
      [ResponseCode.InvalidMerchant, 'INVALID MERCHANT'],
      [ResponseCode.Declined, 'DECLINED'],
      [ResponseCode.InvalidTransaction, 'INVALID TRANSACTION'],
      [ResponseCode.InvalidAmount, 'INVALID AMOUNT'],
      [ResponseCode.InvalidAccountNumber, 'INVALID ACCOUNT NUMBER'],
      [ResponseCode.InvalidTerminal, 'INVALID TERMINAL'],
      [ResponseCode.PleaseRetry, 'PLEASE RETRY'],
      [ResponseCode.InsufficientFunds, 'INSUFFICIENT FUNDS'],
      [ResponseCode.ExpiredCard, 'EXPIRED CARD'],
      [ResponseCode.CvvMismatch, 'CVV MISMATCH'],
    ];
    expect(Object.values(ResponseCode)).toHaveLength(13);
    for (const [code, message] of table) expect(responseMessage(code)).toBe(message);
    expect(Object.values(ResponseCode).every((c) => /^\d{3}$/.test(c))).toBe(true);
  });

  it('names the amount of a partial approval', () => {
    expect(responseMessage(ResponseCode.PartiallyApproved, 1255)).toBe('Partially Approved $12.55');
    expect(responseMessage(ResponseCode.PartiallyApproved, 5)).toBe('Partially Approved $0.05');
    expect(responseMessage(ResponseCode.PartiallyApproved)).toBe('Partially Approved');
    expect(responseMessage(ResponseCode.Approved, 1255)).toBe('APPROVED');
  });

  it('counts only 000 and 010 as approvals', () => {
    for (const code of Object.values(ResponseCode)) {
      expect(isApproval(code)).toBe(code === '000' || code === '010');
    }
  });
});
