import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CARDS, expectRestError, FUTURE, HARBOR_KEY, rest, REST_OUTLET } from './payments-client';

type Plan = Record<string, unknown> & {
  PaymentPlanID: string;
  Status: string;
  Schedule: {
    Past: Record<string, unknown>[];
    Upcoming: { Sequence: number; Date: string; Amount: string }[];
  };
  Transactions: Record<string, unknown>[];
};

// Always in the future: January of next year, whatever the merchant's time zone.
const YEAR = new Date().getUTCFullYear() + 1;
const CARD = { CardNumber: CARDS.visa, Expiration: FUTURE, CVN: '123', CardHolderName: 'Pat Doe' };

function createPlan(extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return rest<Plan>(
    'POST',
    '/payment/paymentplan',
    {
      Outlet: REST_OUTLET,
      PaymentPlanType: 'Installment',
      TotalAmount: '300.00',
      InstallmentAmount: '110.00',
      Frequency: 'Monthly',
      StartDate: `${YEAR}-01-15`,
      DayOfMonth: 15,
      PaymentMethod: 'Card',
      Card: CARD,
      Patient: { PatientID: 'P-PLAN-1', FirstName: 'Pat', LastName: 'Doe' },
      AdditionalInfo1: 'INV-77',
      ...extra,
    },
    { headers },
  );
}

describe('REST payment plans', () => {
  it('creates an installment plan on a card with its schedule to the cent, and reads it back', async () => {
    const res = await createPlan();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ResponseCode: '000',
      PaymentPlanType: 'Installment',
      Status: 'Active',
      Outlet: REST_OUTLET,
      PaymentMethod: { Type: 'Card', Brand: 'VISA', LastFour: '1111' },
      PatientID: 'P-PLAN-1',
      PatientFirstName: 'Pat',
      PatientLastName: 'Doe',
      AdditionalInfo1: 'INV-77',
      TotalAmount: '300.00',
      InstallmentAmount: '110.00',
      InstallmentCount: 3,
      Frequency: 'Monthly',
      StartDate: `${YEAR}-01-15`,
      DayOfMonth: 15,
      NextPaymentDate: `${YEAR}-01-15`,
      InstallmentsPaid: 0,
      AmountPaid: '0.00',
      RemainingBalance: '300.00',
      FailedAttempts: 0,
    });
    expect(res.body.PaymentPlanID).toMatch(/^[0-9A-F]{32}$/);
    expect(res.body.PaymentMethodID).toMatch(/^[0-9A-F]{32}$/);
    expect(res.body.Schedule).toEqual({
      Past: [],
      Upcoming: [
        { Sequence: 1, Date: `${YEAR}-01-15`, Amount: '110.00' },
        { Sequence: 2, Date: `${YEAR}-02-15`, Amount: '110.00' },
        { Sequence: 3, Date: `${YEAR}-03-15`, Amount: '80.00' },
      ],
    });
    // The card is checked locally and vaulted with the plan (decision 0024): no money moved yet.
    expect(res.body.Transactions).toEqual([]);
    expect(res.text).not.toContain(CARDS.visa);

    const read = await rest<Plan>('GET', `/payment/paymentplan/${res.body.PaymentPlanID}`);
    expect(read.status).toBe(200);
    const { Transactions, ResponseCode, ResponseMessage, ...plan } = res.body;
    void Transactions;
    void ResponseCode;
    void ResponseMessage;
    expect(read.body).toEqual(plan);
  });

  it('takes a down payment at creation and counts it toward the total', async () => {
    const res = await createPlan({
      DownPaymentAmount: '50.00',
      InstallmentAmount: undefined,
      InstallmentCount: 3,
      PatientID: 'P-FLAT',
      Patient: undefined,
    });
    expect(res.body).toMatchObject({
      DownPaymentAmount: '50.00',
      AmountPaid: '50.00',
      RemainingBalance: '250.00',
      InstallmentCount: 3,
      PatientID: 'P-FLAT',
    });
    expect(res.body.Schedule.Upcoming.map((u) => u.Amount)).toEqual(['83.33', '83.33', '83.34']);
    expect(res.body.Transactions.map((t) => [t.TransactionAction, t.TransactionStatus, t.Amount])).toEqual([
      ['Sale', 'C', '50.00'],
    ]);
    expect(res.body.Transactions[0]).toMatchObject({
      PaymentPlanID: res.body.PaymentPlanID,
      InstallmentSequenceNumber: 0,
    });
    expect(res.body.Schedule.Past).toMatchObject([
      { Kind: 'DOWN_PAYMENT', Status: 'APPROVED', Amount: '50.00' },
    ]);
  });

  it('creates a recurring plan on a bank account that stops at its end date', async () => {
    const res = await createPlan({
      PaymentPlanType: 'Recurring',
      TotalAmount: undefined,
      InstallmentAmount: '25.00',
      Frequency: 'BiWeekly',
      StartDate: `${YEAR}-01-06`,
      DayOfMonth: undefined,
      EndDate: `${YEAR}-02-20`,
      PaymentMethod: 'ECheck',
      Card: undefined,
      ECheck: { RoutingNumber: '011000015', AccountNumber: '123456789', AccountType: 'Checking' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      PaymentPlanType: 'Recurring',
      Status: 'Active',
      InstallmentAmount: '25.00',
      Frequency: 'BiWeekly',
      EndDate: `${YEAR}-02-20`,
      PaymentMethod: { Type: 'ECheck', RoutingNumber: '011000015', AccountLastFour: '6789' },
    });
    expect(res.body).not.toHaveProperty('TotalAmount');
    expect(res.body).not.toHaveProperty('RemainingBalance');
    expect(res.body.Transactions).toEqual([]);
    expect(res.body.Schedule.Upcoming.map((u) => [u.Date, u.Amount])).toEqual([
      [`${YEAR}-01-06`, '25.00'],
      [`${YEAR}-01-20`, '25.00'],
      [`${YEAR}-02-03`, '25.00'],
      [`${YEAR}-02-17`, '25.00'],
    ]);
    expect(res.text).not.toContain('123456789');
  });

  it('answers a declined down payment with its code and no plan', async () => {
    const res = await createPlan({
      Card: { ...CARD, CardNumber: CARDS.doNotHonor },
      DownPaymentAmount: '20.00',
    });
    expect(res.status).toBe(200);
    expect(res.body.PaymentPlanID).toBeUndefined();
    expect(res.body.ResponseCode).toBe('005');
    expect(res.body.Transactions).toMatchObject([{ TransactionStatus: 'D', Amount: '0.00' }]);
  });

  it('refuses a card that fails its check digit or has expired, naming the fields', async () => {
    const res = await createPlan({ Card: { ...CARD, CardNumber: '4111111111111112', Expiration: '01/20' } });
    const err = expectRestError(res, 400);
    expect(err.Errors.map((e) => e.Field).sort()).toEqual(['Card.CardNumber', 'Card.Expiration']);
  });

  it('keeps PaymentPlanType SaveOnFile storing a card', async () => {
    const res = await rest('POST', '/payment/paymentplan', {
      Outlet: REST_OUTLET,
      PaymentPlanType: 'SaveOnFile',
      Card: CARD,
    });
    expect(res.body).toMatchObject({ TransactionAction: 'SaveOnFile', TransactionStatus: 'O' });
    expect(res.body.PaymentMethodID).toMatch(/^[0-9A-F]{32}$/);
  });

  it('lists plans newest first with a cursor, filtered by patient and status', async () => {
    const patient = `P-${randomUUID().slice(0, 8)}`;
    const made: string[] = [];
    for (let i = 0; i < 3; i++)
      made.push((await createPlan({ Patient: { PatientID: patient } })).body.PaymentPlanID);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `PatientID=${patient}&Limit=2${cursor ? `&Cursor=${cursor}` : ''}`;
      const page = await rest<{ PaymentPlans: Plan[]; NextCursor: string | null }>(
        'GET',
        `/payment/paymentplans?${q}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.PaymentPlans.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.PaymentPlans.map((p) => p.PaymentPlanID));
      cursor = page.body.NextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
    await rest('POST', `/payment/paymentplan/${made[0]}/cancel`);
    const active = await rest<{ PaymentPlans: Plan[] }>(
      'GET',
      `/payment/paymentplans?PatientID=${patient}&Status=Active&MerchantID=${REST_OUTLET.MerchantID}`,
    );
    expect(active.body.PaymentPlans.map((p) => p.PaymentPlanID)).toEqual([made[2], made[1]]);
    const bad = expectRestError(await rest('GET', '/payment/paymentplans?Status=Sleeping&Cursor=nope'), 400);
    expect(bad.Errors.map((e) => e.Field)).toContain('Cursor');
  });

  it('updates the amount, then pauses, resumes and cancels; an illegal move is a 409', async () => {
    const id = (await createPlan()).body.PaymentPlanID;
    const updated = await rest<Plan>('POST', `/payment/paymentplan/${id}/update`, {
      InstallmentAmount: '150.00',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ InstallmentAmount: '150.00', InstallmentCount: 2 });
    expect(updated.body.Schedule.Upcoming.map((u) => [u.Date, u.Amount])).toEqual([
      [`${YEAR}-01-15`, '150.00'],
      [`${YEAR}-02-15`, '150.00'],
    ]);
    const paused = await rest<Plan>('POST', `/payment/paymentplan/${id}/pause`);
    expect(paused.body).toMatchObject({ Status: 'Paused' });
    expect(expectRestError(await rest('POST', `/payment/paymentplan/${id}/pause`), 409).ErrorMessage).toMatch(
      /paused/i,
    );
    expect((await rest<Plan>('POST', `/payment/paymentplan/${id}/resume`)).body.Status).toBe('Active');
    expect((await rest<Plan>('POST', `/payment/paymentplan/${id}/cancel`)).body.Status).toBe('Cancelled');
    expectRestError(await rest('POST', `/payment/paymentplan/${id}/resume`), 409);
    expectRestError(
      await rest('POST', `/payment/paymentplan/${id}/update`, { InstallmentAmount: '10.00' }),
      409,
    );
  });

  it('names every bad field in REST spelling', async () => {
    const res = await createPlan({
      TotalAmount: '12.345',
      InstallmentAmount: '-1',
      Frequency: 'Daily',
      StartDate: '2020-01-01',
      DayOfMonth: 40,
    });
    const err = expectRestError(res, 400);
    expect(err.Errors.map((e) => e.Field).sort()).toEqual(
      ['DayOfMonth', 'Frequency', 'InstallmentAmount', 'StartDate', 'TotalAmount'].sort(),
    );
    const unknown = expectRestError(await createPlan({ Colour: 'red', Card: { ...CARD, Shade: 1 } }), 400);
    expect(unknown.Errors.map((e) => e.Field).sort()).toEqual(['Card.Shade', 'Colour']);
    const type = expectRestError(await createPlan({ PaymentPlanType: 'Forever' }), 400);
    expect(type.Errors.map((e) => e.Field)).toContain('PaymentPlanType');
    const method = expectRestError(await createPlan({ PaymentMethod: 'OnFile', Card: undefined }), 400);
    expect(method.Errors.map((e) => e.Field)).toEqual(['PaymentMethodID']);
    const update = expectRestError(
      await rest('POST', `/payment/paymentplan/${(await createPlan()).body.PaymentPlanID}/update`, {
        Frequency: 'Hourly',
      }),
      400,
    );
    expect(update.Errors.map((e) => e.Field)).toEqual(['Frequency']);
  });

  it("answers another tenant's plan exactly like a missing one", async () => {
    const id = (await createPlan()).body.PaymentPlanID;
    const theirs = await rest('GET', `/payment/paymentplan/${id}`, undefined, { keys: HARBOR_KEY });
    const none = await rest('GET', `/payment/paymentplan/${'E'.repeat(32)}`, undefined, { keys: HARBOR_KEY });
    expect(expectRestError(theirs, 404).ErrorMessage).toBe(expectRestError(none, 404).ErrorMessage);
    expectRestError(
      await rest('POST', `/payment/paymentplan/${id}/cancel`, undefined, { keys: HARBOR_KEY }),
      404,
    );
    const list = await rest<{ PaymentPlans: Plan[] }>(
      'GET',
      '/payment/paymentplans?PatientID=P-PLAN-1',
      undefined,
      {
        keys: HARBOR_KEY,
      },
    );
    expect(list.body.PaymentPlans).toEqual([]);
    expect((await rest<Plan>('GET', `/payment/paymentplan/${id}`)).body.Status).toBe('Active');
  });

  it('replays a create and a cancel under the same Idempotency-Key', async () => {
    const key = randomUUID();
    const patient = `P-${key.slice(0, 8)}`;
    const first = await createPlan({ Patient: { PatientID: patient } }, { 'idempotency-key': key });
    const again = await createPlan({ Patient: { PatientID: patient } }, { 'idempotency-key': key });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    const list = await rest<{ PaymentPlans: Plan[] }>('GET', `/payment/paymentplans?PatientID=${patient}`);
    expect(list.body.PaymentPlans).toHaveLength(1);
    const cancelKey = { headers: { 'idempotency-key': randomUUID() } };
    const path = `/payment/paymentplan/${first.body.PaymentPlanID}/cancel`;
    const cancelled = await rest('POST', path, undefined, cancelKey);
    const replay = await rest('POST', path, undefined, cancelKey);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(cancelled.text);
  });
});
