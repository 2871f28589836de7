import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, call, DEMO, expectErrorShape } from './client';
import { PlanMaker } from './plans-client';

interface PlanRecord {
  id: string;
  paymentPlanId: string;
  status: string;
  installmentsPaid: number;
  amountPaid: string;
  remainingBalance: string | null;
  failedAttempts: number;
  nextPaymentDate: string | null;
  schedule: {
    past: { sequence: number; kind: string; status: string; amount: string; transactionId: string | null }[];
    upcoming: { sequence: number; date: string; amount: string }[];
  };
  history: { action: string; actorLabel: string | null }[];
  transaction?: { transactionId: string; amount: string; responseCode: string; status: string };
}

const plan = (id: string, action = '') => `/admin/api/payment-plans/${id}${action ? `/${action}` : ''}`;

/** The admin API's `payment-plans` resource against the running api (payment-plans.md "Admin API"). */
describe('admin API: payment plans', () => {
  let maker: PlanMaker;
  let admin: string;
  let finance: string;

  beforeAll(async () => {
    maker = await PlanMaker.open();
    admin = await as.lakesideAdmin();
    finance = await as.lakesideFinance();
  });
  afterAll(() => maker?.close());

  it('lets finance read and list plans but not act on them; hides them from another practice', async () => {
    const { id, patientId } = await maker.installment('90.00', 3);
    const filter = encodeURIComponent(JSON.stringify({ patientId, status: ['Active'] }));
    const list = await call<PlanRecord[]>('GET', `/admin/api/payment-plans?filter=${filter}&range=[0,9]`, {
      token: finance,
    });
    expect(list.status, list.text).toBe(200);
    expect(list.headers.get('content-range')).toBe('payment-plans 0-0/1');
    expect(list.body.map((p) => [p.id, p.status])).toEqual([[id, 'Active']]);

    const detail = await call<PlanRecord>('GET', plan(id), { token: finance });
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.schedule.upcoming.map((u) => u.amount)).toEqual(['30.00', '30.00', '30.00']);
    expect(detail.body.history.map((h) => h.action)).toEqual(['payment-plan.created']);

    for (const action of ['pause', 'resume', 'cancel', 'charge-now', 'run-next', 'replace-card'])
      expectErrorShape(await call('POST', plan(id, action), { token: finance, body: {} }), 403);

    const harbor = await as.harborAdmin();
    expectErrorShape(await call('GET', plan(id), { token: harbor }), 404);
    expectErrorShape(await call('POST', plan(id, 'pause'), { token: harbor, body: {} }), 404);
    expectErrorShape(await call('POST', plan(id, 'run-next'), { token: harbor, body: {} }), 404);
    const theirs = await call<PlanRecord[]>('GET', `/admin/api/payment-plans?filter=${filter}`, {
      token: harbor,
    });
    expect(theirs.body).toEqual([]);
  });

  it('pauses, resumes and cancels for a practice admin, with the history', async () => {
    const { id } = await maker.installment('50.00', 2);
    const paused = await call<PlanRecord>('POST', plan(id, 'pause'), { token: admin, body: {} });
    expect([paused.status, paused.body.status]).toEqual([200, 'Paused']);
    const resumed = await call<PlanRecord>('POST', plan(id, 'resume'), { token: admin, body: {} });
    expect(resumed.body.status).toBe('Active');
    const cancelled = await call<PlanRecord>('POST', plan(id, 'cancel'), { token: admin, body: {} });
    expect(cancelled.body.status).toBe('Cancelled');
    expect(cancelled.body.history.map((h) => [h.action, h.actorLabel])).toEqual([
      ['payment-plan.created', DEMO.lakeside.account.identifier],
      ['payment-plan.paused', DEMO.lakeside.admin.email],
      ['payment-plan.resumed', DEMO.lakeside.admin.email],
      ['payment-plan.cancelled', DEMO.lakeside.admin.email],
    ]);
    expectErrorShape(await call('POST', plan(id, 'resume'), { token: admin, body: {} }), 409);
  });

  it('walks a 3-installment plan to Completed with run-next, with exact amounts', async () => {
    const { id } = await maker.installment('100.00', 3);
    const charged: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await call<PlanRecord>('POST', plan(id, 'run-next'), { token: admin, body: {} });
      expect(r.status, r.text).toBe(200);
      expect(r.body.transaction?.responseCode).toBe('000');
      charged.push(r.body.transaction?.amount as string);
      const tx = await call<{ amount: string; plan: { sequence: number } | null }>(
        'GET',
        `/admin/api/transactions/${r.body.transaction?.transactionId}`,
        { token: finance },
      );
      expect(tx.status, tx.text).toBe(200);
    }
    expect(charged).toEqual(['33.33', '33.33', '33.34']);
    const done = await call<PlanRecord>('GET', plan(id), { token: admin });
    expect(done.body).toMatchObject({
      status: 'Completed',
      installmentsPaid: 3,
      amountPaid: '100.00',
      remainingBalance: '0.00',
      nextPaymentDate: null,
    });
    expect(done.body.schedule.past.map((c) => [c.sequence, c.status, c.amount])).toEqual([
      [1, 'APPROVED', '33.33'],
      [2, 'APPROVED', '33.33'],
      [3, 'APPROVED', '33.34'],
    ]);
    expect(done.body.schedule.upcoming).toEqual([]);
    expectErrorShape(await call('POST', plan(id, 'run-next'), { token: admin, body: {} }), 409);
  });

  it('walks a declining card (051) through its retries to PastDue', async () => {
    const { id } = await maker.installment('60.00', 2);
    await maker.switchToDecliningCard(id);
    const codes: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const r = await call<PlanRecord>('POST', plan(id, 'run-next'), { token: admin, body: {} });
      expect(r.status, r.text).toBe(200);
      codes.push(r.body.transaction?.responseCode as string);
      expect(r.body.status).toBe(i < 3 ? 'Active' : 'PastDue');
    }
    expect(codes).toEqual(['051', '051', '051', '051']);
    const after = await call<PlanRecord>('GET', plan(id), { token: finance });
    expect(after.body).toMatchObject({ status: 'PastDue', failedAttempts: 4, amountPaid: '0.00' });
    expect(after.body.schedule.past.map((c) => c.kind)).toEqual(['SCHEDULED', 'RETRY', 'RETRY', 'RETRY']);
  });

  it('exports the matching plans as CSV for finance, without card numbers', async () => {
    const { id, patientId } = await maker.installment('45.00', 3);
    const filter = encodeURIComponent(JSON.stringify({ patientId }));
    const res = await call('GET', `/admin/api/payment-plans/export.csv?filter=${filter}`, { token: finance });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="payment-plans-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'PaymentPlanID,PaymentPlanType,Status,MerchantID,MerchantName,StoreID,TerminalID,PaymentMethodID,' +
        'PaymentMethod,PatientID,PatientFirstName,PatientLastName,TotalAmount,DownPaymentAmount,' +
        'InstallmentAmount,InstallmentCount,Frequency,StartDate,DayOfMonth,EndDate,NextPaymentDate,' +
        'InstallmentsPaid,AmountPaid,RemainingBalance,FailedAttempts,CreatedAt,UpdatedAt',
    );
    const cells = lines[1].split(',');
    expect(cells.slice(0, 4)).toEqual([id, 'Installment', 'Active', DEMO.lakeside.merchantId]);
    expect(cells.slice(8, 16)).toEqual([
      'VISA ****1111',
      patientId,
      'Rosa',
      'Diaz',
      '45.00',
      '',
      '15.00',
      '3',
    ]);
    expect(res.text).not.toContain('4111111111111111');
    const bad = encodeURIComponent(JSON.stringify({ nextPaymentDate_gte: 'tomorrow' }));
    expectErrorShape(
      await call('GET', `/admin/api/payment-plans/export.csv?filter=${bad}`, { token: finance }),
      400,
    );
  });

  it('keeps the merchant plan settings for practice admins, validated', async () => {
    const path = `/admin/api/merchants/${DEMO.lakeside.merchantId}`;
    const before = await call<{ planChargeHour: number; planRetryDays: number[] }>('GET', path, {
      token: admin,
    });
    expect(before.body).toMatchObject({ planChargeHour: 6, planRetryDays: [1, 3, 5] });
    const bad = await call('PUT', path, { token: admin, body: { planChargeHour: 24 } });
    expect(expectErrorShape(bad, 400).errors?.map((e) => e.field)).toContain('planChargeHour');
    expectErrorShape(await call('PUT', path, { token: admin, body: { planRetryDays: '5,3' } }), 400);
    expectErrorShape(await call('PUT', path, { token: finance, body: { planChargeHour: 7 } }), 403);
    const saved = await call('PUT', path, {
      token: admin,
      body: { planChargeHour: 6, planRetryDays: '1,3,5' },
    });
    expect(saved.body).toMatchObject({ planChargeHour: 6, planRetryDays: [1, 3, 5] });
  });
});
