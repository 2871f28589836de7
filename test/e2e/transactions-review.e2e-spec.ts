import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { as, call, DEMO, expectErrorShape } from './client';
import { HARBOR_OUTLET, HARBOR_NVP, nvp, sale } from './payments-client';

type Row = {
  id: string;
  status: string;
  amount: string;
  patientId: string;
  secondaryTransactions?: Row[];
  action: string;
};

/** Finance staff review what vendors did: list, filters, detail with timeline, CSV, dashboard. */
describe('transactions in the admin API and the console', () => {
  const patient = `REVIEW-${Date.now()}`;
  let saleId: string;

  beforeAll(async () => {
    const s = await sale({ patientID: patient, patientLastName: 'Okafor', amount: '42.00' });
    saleId = s.fields.transactionID;
    await sale({ transactionAction: 'SimpleRefund', primaryTransactionID: saleId, amount: '2.00' });
    await sale({ patientID: patient, cardNumber: '4000000000000002', amount: '9.00' });
    await nvp(
      {
        ...HARBOR_OUTLET,
        transactionType: 'CreditCard',
        transactionAction: 'Sale',
        amount: '1.00',
        cardNumber: '4111111111111111',
        cardExpiration: '12/40',
        patientID: patient,
      },
      { auth: HARBOR_NVP },
    );
  });

  it('lists, filters in the database, and shows a transaction with its secondaries', async () => {
    const finance = await as.lakesideFinance();
    const filter = encodeURIComponent(JSON.stringify({ patient }));
    const list = await call<Row[]>(
      'GET',
      `/admin/api/transactions?filter=${filter}&sort=${encodeURIComponent('["createdAt","ASC"]')}`,
      { token: finance },
    );
    expect(list.status).toBe(200);
    expect(list.body.map((r) => [r.action, r.status])).toEqual([
      ['Sale', 'C'],
      ['SimpleRefund', 'C'],
      ['Sale', 'D'],
    ]);
    expect(list.headers.get('content-range')).toMatch(/\/3$/);
    const approved = await call<Row[]>(
      'GET',
      `/admin/api/transactions?filter=${encodeURIComponent(JSON.stringify({ patient, status: 'D' }))}`,
      { token: finance },
    );
    expect(approved.body).toHaveLength(1);
    const byAmount = await call<Row[]>(
      'GET',
      `/admin/api/transactions?filter=${encodeURIComponent(JSON.stringify({ patient, amount_gte: '40.00' }))}`,
      { token: finance },
    );
    expect(byAmount.body.map((r) => r.amount)).toEqual(['42.00']);
    expectErrorShape(
      await call(
        'GET',
        `/admin/api/transactions?filter=${encodeURIComponent(JSON.stringify({ amount_gte: 'lots' }))}`,
        { token: finance },
      ),
      400,
    );
    const one = await call<Row>('GET', `/admin/api/transactions/${saleId}`, { token: finance });
    expect(one.body.secondaryTransactions?.map((r) => r.action)).toEqual(['SimpleRefund']);
    expectErrorShape(
      await call('GET', `/admin/api/transactions/${saleId}`, { token: await as.harborAdmin() }),
      404,
    );
  });

  it('exports the filtered list as CSV without card numbers', async () => {
    const res = await fetch(
      `${inject('apiUrl')}/admin/api/transactions/export?filter=${encodeURIComponent(JSON.stringify({ patient }))}`,
      {
        headers: { authorization: `Bearer ${await as.lakesideFinance()}` },
      },
    );
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="transactions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.headers.get('transfer-encoding')).toBe('chunked'); // streamed, not built whole
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^createdAt,transactionId,merchantId/);
    expect(lines).toHaveLength(4);
    expect(lines.join('\n')).not.toContain('4111111111111111');
    expect(lines.find((l) => l.includes(',Sale,') && l.includes(',000,'))).toMatch(/,42\.00,42\.00,2\.00,/);
  });

  it('summarises today for the dashboard', async () => {
    const res = await call<{
      totals: { count: number; amountCents: number };
      approvalRate: number;
      volumeByHour: unknown[];
    }>('GET', '/admin/api/dashboard/summary', {
      token: await as.lakesideFinance(),
    });
    expect(res.body.totals.count).toBeGreaterThan(0);
    expect(res.body.approvalRate).toBeGreaterThan(0);
    expect(res.body.approvalRate).toBeLessThanOrEqual(1);
  });

  describe('in the console', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    it('lets finance find a payment by patient and open its timeline', async () => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(`${inject('apiUrl')}/console/`);
      await page.getByLabel('Email').fill(DEMO.lakeside.finance.email);
      await page.getByLabel('Password').fill(DEMO.lakeside.finance.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('menuitem', { name: 'Transactions' }).click();
      await expect
        .poll(
          () =>
            page
              .getByText('$42.00')
              .first()
              .isVisible()
              .catch(() => false),
          { timeout: 15_000 },
        )
        .toBe(true);
      await page.goto(`${inject('apiUrl')}/console/#/transactions/${saleId}/show`);
      await expect
        .poll(
          () =>
            page
              .getByText('Timeline')
              .first()
              .isVisible()
              .catch(() => false),
          { timeout: 15_000 },
        )
        .toBe(true);
      await expect
        .poll(
          () =>
            page
              .getByText('SimpleRefund')
              .first()
              .isVisible()
              .catch(() => false),
          { timeout: 15_000 },
        )
        .toBe(true);
      expect(await page.content()).not.toContain('4111111111111111');
      await page.close();
    });
  });
});
