import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { assertPlanMove, canMovePlan } from './plan-status';
import { PlanStatus } from './plan-types';

const S = PlanStatus;
const ALLOWED: [PlanStatus, PlanStatus][] = [
  [S.Active, S.Paused],
  [S.PastDue, S.Paused],
  [S.Paused, S.Active],
  [S.Active, S.PastDue],
  [S.PastDue, S.Active],
  [S.Active, S.Completed],
  [S.PastDue, S.Completed],
  [S.Active, S.Cancelled],
  [S.Paused, S.Cancelled],
  [S.PastDue, S.Cancelled],
];
const isAllowed = (from: PlanStatus, to: PlanStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const ALL = Object.values(S);
const REFUSED = ALL.flatMap((from) =>
  ALL.filter((to) => !isAllowed(from, to)).map((to): [PlanStatus, PlanStatus] => [from, to]),
);

describe('assertPlanMove', () => {
  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canMovePlan(from, to)).toBe(true);
    expect(() => assertPlanMove(from, to, 'moved')).not.toThrow();
  });

  it('refuses every other move, same status included', () => {
    expect(REFUSED).toHaveLength(25 - ALLOWED.length);
    for (const [from, to] of REFUSED) {
      expect(canMovePlan(from, to), `${from} → ${to}`).toBe(false);
      let error: unknown;
      try {
        assertPlanMove(from, to, 'moved');
      } catch (e) {
        error = e;
      }
      expect(error, `${from} → ${to}`).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.ILLEGAL_STATE);
    }
  });

  it('says why', () => {
    expect(() => assertPlanMove(S.Cancelled, S.Active, 'resumed')).toThrow(
      'A Cancelled payment plan cannot be resumed',
    );
    expect(() => assertPlanMove(S.Completed, S.Paused, 'paused')).toThrow(
      'A Completed payment plan cannot be paused',
    );
    expect(() => assertPlanMove(S.Paused, S.Paused, 'paused')).toThrow('The payment plan is already Paused');
    expect(() => assertPlanMove(S.Paused, S.PastDue, 'marked past due')).toThrow(
      'A Paused payment plan cannot be marked past due',
    );
    expect(() => assertPlanMove(S.Active, S.Active, 'resumed')).toThrow('already Active');
  });
});
