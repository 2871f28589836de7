import { formatAmount } from './money';

/** Processor response codes (`responseCode`). The transaction status decides the outcome. */
export enum ResponseCode {
  Approved = '000',
  PartiallyApproved = '010',
  Referral = '001',
  InvalidMerchant = '003',
  Declined = '005',
  InvalidTransaction = '012',
  InvalidAmount = '013',
  InvalidAccountNumber = '014',
  InvalidTerminal = '025',
  PleaseRetry = '028',
  InsufficientFunds = '051',
  ExpiredCard = '054',
  CvvMismatch = '082',
}

const MESSAGES: Record<ResponseCode, string> = {
  [ResponseCode.Approved]: 'APPROVED',
  [ResponseCode.PartiallyApproved]: 'Partially Approved',
  [ResponseCode.Referral]: 'REFERRAL - CALL ISSUER',
  [ResponseCode.InvalidMerchant]: 'INVALID MERCHANT',
  [ResponseCode.Declined]: 'DECLINED',
  [ResponseCode.InvalidTransaction]: 'INVALID TRANSACTION',
  [ResponseCode.InvalidAmount]: 'INVALID AMOUNT',
  [ResponseCode.InvalidAccountNumber]: 'INVALID ACCOUNT NUMBER',
  [ResponseCode.InvalidTerminal]: 'INVALID TERMINAL',
  [ResponseCode.PleaseRetry]: 'PLEASE RETRY',
  [ResponseCode.InsufficientFunds]: 'INSUFFICIENT FUNDS',
  [ResponseCode.ExpiredCard]: 'EXPIRED CARD',
  [ResponseCode.CvvMismatch]: 'CVV MISMATCH',
};

/**
 * The `responseMessage` for a code. A partial approval names the approved amount
 * ("Partially Approved $12.55") when it is given.
 */
export function responseMessage(code: ResponseCode, partialApprovedCents?: number): string {
  if (code === ResponseCode.PartiallyApproved && partialApprovedCents !== undefined) {
    return `Partially Approved $${formatAmount(partialApprovedCents)}`;
  }
  return MESSAGES[code] ?? 'DECLINED';
}

/** Whether a code means money was approved (in full or in part). */
export function isApproval(code: ResponseCode): boolean {
  return code === ResponseCode.Approved || code === ResponseCode.PartiallyApproved;
}
