import { DomainError, ErrorCode } from '../errors/domain-error';

export enum TransactionStatus {
  Authorized = 'A',
  Captured = 'C',
  OnFile = 'O',
  Declined = 'D',
  Voided = 'V',
  Cancelled = 'X',
  Settled = 'S',
  SettlementError = 'SE',
  ReturnedItem = 'RI',
  Chargeback = 'CB',
}

export type TenderKind = 'card' | 'echeck';

const S = TransactionStatus;

const DESCRIPTIONS: Record<TransactionStatus, string> = {
  [S.Authorized]: 'Authorized, not captured',
  [S.Captured]: 'Approved and captured',
  [S.OnFile]: 'Card saved on file',
  [S.Declined]: 'Declined',
  [S.Voided]: 'Voided',
  [S.Cancelled]: 'Cancelled (authorization expired uncaptured)',
  [S.Settled]: 'Settled',
  [S.SettlementError]: 'Settlement error',
  [S.ReturnedItem]: 'Returned item',
  [S.Chargeback]: 'Chargeback',
};

/** The meaning of a status letter, as payments.md's table gives it. */
export function describeStatus(letter: TransactionStatus): string {
  return DESCRIPTIONS[letter] ?? 'Unknown status';
}

/** Every allowed move of a primary transaction; a tender, when given, limits the move to it. */
const MOVES: { from: TransactionStatus; to: TransactionStatus; only?: TenderKind }[] = [
  { from: S.Authorized, to: S.Captured },
  { from: S.Authorized, to: S.Voided },
  { from: S.Authorized, to: S.Cancelled },
  { from: S.Captured, to: S.Voided },
  { from: S.Captured, to: S.Settled },
  { from: S.Captured, to: S.SettlementError },
  { from: S.Settled, to: S.ReturnedItem, only: 'echeck' },
  { from: S.Settled, to: S.Chargeback, only: 'card' },
  { from: S.SettlementError, to: S.Settled },
];

/**
 * Whether a primary transaction may move between two statuses. The eCheck-only return and the
 * card-only chargeback are allowed only when the tender is given and matches.
 */
export function canMove(from: TransactionStatus, to: TransactionStatus, tender?: TenderKind): boolean {
  return MOVES.some((m) => m.from === from && m.to === to && (m.only === undefined || m.only === tender));
}

const VERBS: Record<TransactionStatus, string> = {
  [S.Authorized]: 'authorized',
  [S.Captured]: 'captured',
  [S.OnFile]: 'saved on file',
  [S.Declined]: 'declined',
  [S.Voided]: 'voided',
  [S.Cancelled]: 'cancelled',
  [S.Settled]: 'settled',
  [S.SettlementError]: 'marked as a settlement error',
  [S.ReturnedItem]: 'returned',
  [S.Chargeback]: 'charged back',
};

/** Why a move is refused, in words a person at the front desk can act on. */
function refusal(from: TransactionStatus, to: TransactionStatus, tender?: TenderKind): string {
  const verb = VERBS[to] ?? to;
  if (from === S.Voided) return 'Transaction is voided';
  if (from === S.Declined) return `Transaction was declined and cannot be ${verb}`;
  if (from === S.Cancelled) return `Authorization expired uncaptured (cancelled) and cannot be ${verb}`;
  if (from === S.OnFile) return `Transaction only saved a card on file and cannot be ${verb}`;
  if (to === S.Captured) {
    if (from === S.Captured || from === S.Settled || from === S.SettlementError) {
      return 'Transaction is already captured';
    }
  }
  if (to === S.Voided && from !== S.Authorized && from !== S.Captured) {
    if (from === S.ReturnedItem) return 'Transaction was returned and cannot be voided';
    if (from === S.Chargeback) return 'Transaction was charged back and cannot be voided';
    if (from === S.SettlementError) return 'Transaction has a settlement error and cannot be voided';
    return 'Transaction is settled and cannot be voided; refund it with SimpleRefund instead';
  }
  if (from === S.Settled && to === S.ReturnedItem && tender !== 'echeck') {
    return 'Only an eCheck transaction can be returned';
  }
  if (from === S.Settled && to === S.Chargeback && tender !== 'card') {
    return 'Only a card transaction can be charged back';
  }
  const description = (DESCRIPTIONS[from] ?? from).toLowerCase();
  return `Transaction is ${description} (${from}) and cannot be ${verb}`;
}

/** Throws ILLEGAL_STATE, with a message saying why, unless `canMove` allows the move. */
export function assertMove(from: TransactionStatus, to: TransactionStatus, tender?: TenderKind): void {
  if (!canMove(from, to, tender)) throw new DomainError(ErrorCode.ILLEGAL_STATE, refusal(from, to, tender));
}
