import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  afterApproval,
  afterCancel,
  afterDecline,
  afterMethodChange,
  afterPause,
  afterResume,
  afterReturn,
  initialProgress,
  nextChargeOf,
  type PlanProgress,
  type PlanShape,
  upcomingCharges,
} from './plan-progress';
import { PlanFrequency, PlanStatus, PlanType } from './plan-types';

const installment = (o: Partial<PlanShape> = {}): PlanShape => ({
  type: PlanType.Installment,
  totalCents: 10_000,
  installmentCents: 3_333,
  installmentCount: 3,
  frequency: PlanFrequency.Monthly,
  startDate: '2027-01-31',
  dayOfMonth: null,
  endDate: null,
  ...o,
});
const retry = { retryDays: [1, 3, 5], nextRun: '2027-01-31' };

/** Charges the next charge on its own date, approved, until nothing is owed. */
function walk(p: PlanShape, s: PlanProgress, limit = 600) {
  const paid: { sequence: number; date: string; cents: number }[] = [];
  for (let i = 0; i < limit && s.nextChargeDate; i++) {
    const next = nextChargeOf(p, s, s.nextChargeDate);
    if (!next) break;
    paid.push({ sequence: next.sequence, date: s.nextChargeDate, cents: next.amountCents });
    s = afterApproval(p, s, { ...next, responseCode: '000' }, s.nextChargeDate);
  }
  return { paid, last: s };
}

describe('plan progress', () => {
  it('collects an installment plan to the cent on its month-end dates, then completes', () => {
    const p = installment();
    const { paid, last } = walk(p, initialProgress(p, 0, null));
    expect(paid).toEqual([
      { sequence: 1, date: '2027-01-31', cents: 3_333 },
      { sequence: 2, date: '2027-02-28', cents: 3_333 },
      { sequence: 3, date: '2027-03-31', cents: 3_334 },
    ]);
    expect(last).toMatchObject({ status: PlanStatus.Completed, nextChargeDate: null, installmentsPaid: 3 });
    expect(last.amountPaidCents).toBe(10_000);
  });

  it('never charges more than is owed nor zero, and sums to the total (any split)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 60 }),
        (total, downPct, count) => {
          const down = Math.floor((total * downPct) / 100);
          const rest = total - down;
          if (rest < count) return;
          const p = installment({
            totalCents: total,
            installmentCents: Math.floor(rest / count),
            installmentCount: count,
            frequency: PlanFrequency.Weekly,
          });
          const { paid, last } = walk(p, initialProgress(p, down, null));
          expect(paid).toHaveLength(count);
          expect(paid.every((c) => c.cents > 0)).toBe(true);
          expect(down + paid.reduce((a, c) => a + c.cents, 0)).toBe(total);
          expect(last.status).toBe(PlanStatus.Completed);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stops a recurring plan after its end date', () => {
    const p = installment({
      type: PlanType.Recurring,
      totalCents: null,
      installmentCount: null,
      installmentCents: 5_000,
      frequency: PlanFrequency.BiWeekly,
      startDate: '2027-01-01',
      endDate: '2027-02-12',
    });
    const { paid, last } = walk(p, initialProgress(p, 0, null));
    expect(paid.map((c) => c.date)).toEqual(['2027-01-01', '2027-01-15', '2027-01-29', '2027-02-12']);
    expect(last.status).toBe(PlanStatus.Completed);
  });

  it('retries a soft decline 1, 3 and 5 days after its due date, then is PastDue; a hard one at once', () => {
    const p = installment();
    let s = initialProgress(p, 0, null);
    const dates: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      s = afterDecline(s, { dueDate: '2027-01-31', responseCode: '051' }, retry);
      dates.push(s.nextChargeDate);
    }
    expect(dates).toEqual(['2027-02-01', '2027-02-03', '2027-02-05', null]);
    expect(s).toMatchObject({ status: PlanStatus.PastDue, failedAttempts: 4 });
    const hard = afterDecline(
      initialProgress(p, 0, null),
      { dueDate: '2027-01-31', responseCode: '054' },
      retry,
    );
    expect(hard).toMatchObject({ status: PlanStatus.PastDue, nextChargeDate: null, failedAttempts: 1 });
    expect(nextChargeOf(p, { ...s, nextChargeDate: '2027-02-01' }, '2027-02-01')).toMatchObject({
      kind: 'RETRY',
      sequence: 1,
    });
  });

  it('retries a PastDue plan after a method change, and a success makes it Active again', () => {
    const p = installment();
    const pastDue = afterDecline(
      initialProgress(p, 0, null),
      { dueDate: '2027-01-31', responseCode: '054' },
      retry,
    );
    const changed = afterMethodChange(pastDue, '2027-02-10');
    expect(changed).toMatchObject({
      status: PlanStatus.PastDue,
      nextChargeDate: '2027-02-10',
      failedAttempts: 0,
    });
    const next = nextChargeOf(p, changed, '2027-02-10')!;
    const ok = afterApproval(p, changed, { ...next, responseCode: '000' }, '2027-02-10');
    expect(ok).toMatchObject({ status: PlanStatus.Active, installmentsPaid: 1, nextSequence: 2 });
    // The next grid date after the late charge, not a backlog of missed dates.
    expect(ok.nextChargeDate).toBe('2027-02-28');
  });

  it('pauses without accruing and resumes from the next date after today', () => {
    const p = installment({ startDate: '2027-01-15' });
    const s = initialProgress(p, 0, null);
    const paused = afterPause(s);
    expect(paused).toMatchObject({ status: PlanStatus.Paused, nextChargeDate: null });
    expect(upcomingCharges(p, paused, 5)).toEqual([]);
    const resumed = afterResume(p, paused, '2027-03-20');
    expect(resumed).toMatchObject({
      status: PlanStatus.Active,
      nextChargeDate: '2027-04-15',
      nextSequence: 1,
    });
    expect(upcomingCharges(p, resumed, 5).map((u) => u.date)).toEqual([
      '2027-04-15',
      '2027-05-15',
      '2027-06-15',
    ]);
    expect(afterCancel(resumed)).toMatchObject({ status: PlanStatus.Cancelled, nextChargeDate: null });
  });

  it('re-presents a returned charge before the schedule continues, at most twice', () => {
    const p = installment();
    let s = initialProgress(p, 0, null);
    const first = nextChargeOf(p, s, '2027-01-31')!;
    s = afterApproval(p, s, { ...first, responseCode: '000' }, '2027-01-31');
    const returned = afterReturn(
      s,
      { sequence: 1, amountCents: 3_333, returnReasonCode: 'R01', representmentsSoFar: 0 },
      '2027-02-05',
    );
    expect(returned).toMatchObject({
      status: PlanStatus.Active,
      representSequence: 1,
      nextChargeDate: '2027-02-05',
      amountPaidCents: 0,
      installmentsPaid: 0,
    });
    expect(nextChargeOf(p, returned, '2027-02-05')).toMatchObject({ sequence: 1, kind: 'REPRESENTMENT' });
    const again = afterApproval(
      p,
      returned,
      { sequence: 1, amountCents: 3_333, kind: 'REPRESENTMENT', dueDate: '2027-02-05', responseCode: '000' },
      '2027-02-05',
    );
    expect(again).toMatchObject({ representSequence: null, nextChargeDate: '2027-02-28', nextSequence: 2 });
    const third = afterReturn(
      again,
      { sequence: 1, amountCents: 3_333, returnReasonCode: 'R01', representmentsSoFar: 2 },
      '2027-03-01',
    );
    expect(third).toMatchObject({ status: PlanStatus.PastDue, nextChargeDate: null, representSequence: 1 });
    const closed = afterReturn(
      again,
      { sequence: 1, amountCents: 3_333, returnReasonCode: 'R02', representmentsSoFar: 0 },
      '2027-03-01',
    );
    expect(closed.status).toBe(PlanStatus.PastDue);
  });
});
