import type { CheckScan } from './check/check-scanner.js';
import type { CancelReason, CardRead, EntryMode, TransactionAction } from './device.js';
import type { PlatformFieldError, PlatformTransaction } from './platform.js';

export interface Outlet {
  merchantId: string;
  storeId: string;
  terminalId: string;
}

export interface Patient {
  patientId?: string;
  accountNumber?: string;
  firstName?: string;
  lastName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
}

export interface TransactionRequest {
  action: TransactionAction;
  /** Decimal string, e.g. "25.00". Not needed for SaveOnFile. */
  amount?: string;
  outlet: Outlet;
  patient?: Patient;
  /** AdditionalInfo1…6. */
  additionalInfo?: string[];
  /** The entry modes offered to the customer. Default all the device can do. */
  entryModes?: EntryMode[];
  /** Refund by transaction (SimpleRefund): no card is read. Without it a Refund goes to the card presented. */
  refundOf?: string;
  allowPartialPayment?: boolean;
  /** Sent as Idempotency-Key; one is generated per transaction when absent. */
  idempotencyKey?: string;
  /** How long the device waits for a card. */
  timeoutMs?: number;
}

export interface DepositRequest {
  amount: string;
  outlet: Outlet;
  patient?: Patient;
  accountType?: 'Checking' | 'Savings';
  accountHolderName?: string;
  idempotencyKey?: string;
  additionalInfo?: string[];
}

/** Every outcome, told apart by `status`: a decline is a result like an approval, not an error. */
export type TransactionResult =
  | {
      status: 'approved' | 'declined';
      transaction: PlatformTransaction;
      /** The card's final cryptogram (chip transactions). */
      cryptogramType?: 'TC' | 'AAC';
    }
  | { status: 'cancelled'; reason: CancelReason }
  | {
      status: 'error';
      /** invalid_request, busy, pin_tries_exceeded, chip_read_failed, authentication_failed, network_error… */
      code: string;
      message: string;
      /** The platform's HTTP status when it answered with an error. */
      httpStatus?: number;
      referenceNumber?: string;
      errors?: PlatformFieldError[];
    };

export type DepositStatusType = 'WaitingForCheck' | 'Scanning' | 'Processing' | 'Complete';

export interface DepositStatusEvent {
  type: DepositStatusType;
  text: string;
}

/** The check as deposited: the routing number and only the account's last four. */
export interface DepositedCheck {
  routingNumber: string;
  accountLastFour: string;
  checkNumber?: string;
}

export type DepositResult =
  | { status: 'approved' | 'declined'; transaction: PlatformTransaction; check: DepositedCheck }
  | { status: 'cancelled'; reason: 'operator' }
  | Extract<TransactionResult, { status: 'error' }>;

const AMOUNT = /^\d{1,9}\.\d{2}$/;

export function amountCents(amount: string): number {
  const [whole, cents] = amount.split('.');
  return Number(whole) * 100 + Number(cents);
}

/** Every problem with a request at once, named as the request names its fields. */
export function requestErrors(r: TransactionRequest, supported: EntryMode[]): PlatformFieldError[] {
  const errors: PlatformFieldError[] = [];
  if (!['Sale', 'Authorization', 'Refund', 'SaveOnFile'].includes(r.action))
    errors.push({ field: 'action', message: 'action must be Sale, Authorization, Refund or SaveOnFile' });
  if (r.action !== 'SaveOnFile' && !(typeof r.amount === 'string' && AMOUNT.test(r.amount)))
    errors.push({ field: 'amount', message: 'amount must be a decimal string such as "25.00"' });
  for (const f of ['merchantId', 'storeId', 'terminalId'] as const)
    if (typeof r.outlet?.[f] !== 'string' || r.outlet[f] === '')
      errors.push({ field: `outlet.${f}`, message: `outlet.${f} is required` });
  if (r.entryModes && (r.entryModes.length === 0 || r.entryModes.some((m) => !supported.includes(m))))
    errors.push({ field: 'entryModes', message: `entryModes must be some of ${supported.join(', ')}` });
  if (r.refundOf !== undefined && r.action !== 'Refund')
    errors.push({ field: 'refundOf', message: 'refundOf is only for a Refund' });
  if ((r.additionalInfo?.length ?? 0) > 6)
    errors.push({ field: 'additionalInfo', message: 'additionalInfo holds at most 6 values' });
  return errors;
}

function restPatient(p: Patient | undefined) {
  if (!p) return undefined;
  return {
    PatientID: p.patientId,
    AccountNumber: p.accountNumber,
    FirstName: p.firstName,
    LastName: p.lastName,
    BirthDate: p.birthDate,
  };
}

function common(outlet: Outlet, patient?: Patient, additionalInfo: string[] = []) {
  const body: Record<string, unknown> = {
    Outlet: { MerchantID: outlet.merchantId, StoreID: outlet.storeId, TerminalID: outlet.terminalId },
    Patient: restPatient(patient),
  };
  additionalInfo.forEach((v, i) => (body[`AdditionalInfo${i + 1}`] = v));
  return body;
}

/** The REST Card object for what the device read (contracts A). */
export function restCard(card: CardRead): Record<string, unknown> {
  switch (card.entryMode) {
    case 'emv':
    case 'nfc':
      return { EntryMode: card.entryMode, EMVData: card.emvData };
    case 'swipe':
      return { EntryMode: 'swipe', TrackData: card.trackData, ...(card.fallback ? { Fallback: true } : {}) };
    case 'key':
      return {
        EntryMode: 'key',
        CardPresentStatus: 'PresentManualKey',
        CardNumber: card.cardNumber,
        Expiration: card.expiration,
        CVN: card.cvn,
      };
  }
}

const PATHS: Record<TransactionRequest['action'], string> = {
  Sale: '/rest/payment/sale',
  Authorization: '/rest/payment/authorization',
  Refund: '/rest/payment/refund',
  SaveOnFile: '/rest/payment/paymentplan',
};

/** The REST path and body of a card payment. */
export function cardPayment(
  r: TransactionRequest,
  card: CardRead,
): { path: string; body: Record<string, unknown> } {
  const body = { ...common(r.outlet, r.patient, r.additionalInfo), Card: restCard(card) };
  if (r.action === 'SaveOnFile')
    return { path: PATHS.SaveOnFile, body: { ...body, PaymentPlanType: 'SaveOnFile' } };
  return {
    path: PATHS[r.action],
    body: { ...body, Amount: r.amount, ...(r.allowPartialPayment ? { AllowPartialPayment: true } : {}) },
  };
}

/** SimpleRefund of an earlier transaction: nothing is read from a card. */
export function simpleRefund(r: TransactionRequest): { path: string; body: Record<string, unknown> } {
  return {
    path: '/rest/payment/refund-simple',
    body: { ...common(r.outlet, r.patient, r.additionalInfo), TransactionID: r.refundOf, Amount: r.amount },
  };
}

/** An eCheck sale from a scan: present, with both images (contracts B). */
export function checkDeposit(
  r: DepositRequest,
  scan: CheckScan,
): { path: string; body: Record<string, unknown> } {
  const base64 = (data: Uint8Array) => Buffer.from(data).toString('base64');
  return {
    path: '/rest/payment/sale',
    body: {
      ...common(r.outlet, r.patient, r.additionalInfo),
      Amount: r.amount,
      PaymentMethod: 'ECheck',
      ECheck: {
        RoutingNumber: scan.micr.routingNumber,
        AccountNumber: scan.micr.accountNumber,
        CheckNumber: scan.micr.checkNumber,
        AccountType: r.accountType ?? 'Checking',
        AccountHolderName: r.accountHolderName,
        CheckPresentStatus: 'Present',
        FrontImage: base64(scan.front.data),
        BackImage: base64(scan.back.data),
      },
    },
  };
}
