/**
 * The life of a plan (payment-plans.md). Cancelled and Completed are final: a practice that wants
 * to collect again creates a new plan, so the history of the old one stays what it was. A move to
 * the status a plan already has is refused too, so a double click on "pause" says so instead of
 * silently recording a second pause.
 */
import { DomainError, ErrorCode } from '../errors/domain-error';
import { PlanStatus } from './plan-types';

const S = PlanStatus;

const MOVES: ReadonlyMap<PlanStatus, readonly PlanStatus[]> = new Map([
  [S.Active, [S.Paused, S.PastDue, S.Completed, S.Cancelled]],
  [S.PastDue, [S.Paused, S.Active, S.Completed, S.Cancelled]],
  [S.Paused, [S.Active, S.Cancelled]],
  [S.Completed, []],
  [S.Cancelled, []],
]);

export function canMovePlan(from: PlanStatus, to: PlanStatus): boolean {
  return MOVES.get(from)?.includes(to) ?? false;
}

const ARTICLE = (status: PlanStatus) => (status === S.Active ? 'An' : 'A');

/**
 * Throws ILLEGAL_STATE unless the move is allowed; `verb` is the past participle of what was
 * asked ("paused", "resumed", "cancelled", "charged"), for a message like
 * "A Cancelled payment plan cannot be resumed".
 */
export function assertPlanMove(from: PlanStatus, to: PlanStatus, verb: string): void {
  if (canMovePlan(from, to)) return;
  const message =
    from === to
      ? `The payment plan is already ${from} and cannot be ${verb} again`
      : `${ARTICLE(from)} ${from} payment plan cannot be ${verb}`;
  throw new DomainError(ErrorCode.ILLEGAL_STATE, message);
}
