import { createHash, randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { type Browser, devices, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { DEMO } from './client';
import { CARDS, FUTURE, LAKESIDE_NVP, REST_OUTLET, rest } from './payments-client';

const api = () => inject('apiUrl');

/** The first of the month `ahead` months after this one (UTC): always a valid future start. */
function firstOfMonth(ahead: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1));
  return d.toISOString().slice(0, 10);
}

async function planToken(extra: Record<string, string>) {
  const res = await fetch(`${api()}/sso`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LAKESIDE_NVP },
    body: new URLSearchParams({
      merchantID: DEMO.lakeside.merchantId,
      storeID: '001',
      terminalID: '002',
      transactionAction: 'PaymentPlan',
      patientID: `PLAN-${Date.now()}`,
      patientFirstName: 'Pat',
      patientLastName: 'Doe',
      responseActionType: 'header',
      ...extra,
    }).toString(),
  });
  const text = await res.text();
  const fields = Object.fromEntries(new URLSearchParams(text));
  if (res.status !== 200 || !fields.pageURL) throw new Error(`token: ${res.status} ${text}`);
  return { token: fields.token, pageURL: fields.pageURL.replace(/^https?:\/\/[^/]+/, api()) };
}

const visible = (page: Page, text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 15_000 }).toBe(true);

/** The schedule table as [date, amount] pairs, dates as their machine-readable datetime. */
const scheduleOf = (page: Page) =>
  page
    .locator('#schedule tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.querySelector('time')?.getAttribute('datetime') ?? '',
        r.querySelector('td:last-child')?.textContent ?? '',
      ]),
    );

async function fillCard(page: Page, number: string) {
  await page.getByLabel('Card number').fill(number);
  await page.getByLabel('Expiration (MM/YY)').fill(FUTURE);
  await page.getByLabel('Security code').fill('123');
  await page.getByLabel('Name on card').fill('Pat Doe');
  await page.getByLabel('ZIP').fill('02139');
}

/** The hosted payment plan pages in Debian's Chromium at a phone's size. */
describe('payment plan hosted pages (Playwright, phone viewport)', () => {
  let browser: Browser;
  let db: pg.Client;
  beforeAll(async () => {
    browser = await launchChromium();
    db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
  });
  afterAll(async () => {
    await browser?.close();
    await db?.end();
  });
  const phone = () => browser.newPage({ ...devices['Pixel 5'], userAgent: undefined });
  const uuidOf = (wireId: string) =>
    wireId.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5').toLowerCase();
  const planRow = async (wireId: string) =>
    (
      await db.query(
        `SELECT status, type, card_ref, bank_account_ref, total_cents::text AS total, patient_first_name
           FROM payment_plans WHERE id = $1::uuid`,
        [uuidOf(wireId)],
      )
    ).rows[0];

  let createdPlanId = '';

  it("checks a PaymentPlan token's terms when it is created, every bad field at once (NVP, REST)", async () => {
    const res = await fetch(`${api()}/sso`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LAKESIDE_NVP },
      body: new URLSearchParams({
        merchantID: DEMO.lakeside.merchantId,
        storeID: '001',
        terminalID: '002',
        transactionAction: 'PaymentPlan',
        totalAmount: '300.00',
        installmentCount: '3',
        frequency: 'Daily',
        startDate: '2020-01-01',
        responseActionType: 'header',
      }).toString(),
    });
    const fields = Object.fromEntries(new URLSearchParams(await res.text()));
    expect(res.status).toBe(400);
    expect(fields.errorCode).toBe('400');
    expect(fields.errorMessage).toMatch(/frequency/);
    expect(fields.errorMessage).toMatch(/startDate 2020-01-01 is in the past/);

    const ok = await rest<{ PageURL: string; ResponseCode: string }>('POST', '/sso/token', {
      Outlet: REST_OUTLET,
      TransactionAction: 'PaymentPlan',
      PaymentPlanType: 'Recurring',
      InstallmentAmount: '20.00',
      Frequency: 'Weekly',
      StartDate: firstOfMonth(1),
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.PageURL).toContain('/providers/Form/PatientPayments/NewPaymentPlanSimpleSSO?token=');
  });

  it('shows the schedule, flags a bad card as typed, needs the authorization, creates the plan and redirects with it', async () => {
    const start = firstOfMonth(1);
    const t = await planToken({
      totalAmount: '300.00',
      downPaymentAmount: '60.00',
      installmentCount: '3',
      frequency: 'Monthly',
      startDate: start,
      confirmURL: `${api()}/health/live`,
      relayState: 'plan-1',
    });
    const page = await phone();
    await page.goto(t.pageURL);
    await visible(page, 'Set up a payment plan');
    await visible(page, 'Lakeside');
    expect(await page.locator('#plan-summary').innerText()).toMatch(
      /Total\s+\$300\.00[\s\S]*Down payment today\s+\$60\.00/,
    );
    expect(await scheduleOf(page)).toEqual([
      [firstOfMonth(1), '$80.00'],
      [firstOfMonth(2), '$80.00'],
      [firstOfMonth(3), '$80.00'],
    ]);

    await page.getByLabel('Card number').fill(CARDS.luhnFails);
    await page.getByLabel('Expiration (MM/YY)').focus();
    await visible(page, 'Enter a valid card number');
    expect(await page.getByLabel('Card number').getAttribute('aria-invalid')).toBe('true');
    await fillCard(page, CARDS.visa);

    // Not ticked: the page refuses to send the form.
    await page.getByRole('button', { name: 'Agree and pay $60.00' }).click();
    await visible(page, 'Tick the box to authorize these payments');
    expect(page.url()).toBe(t.pageURL);
    const box = page.getByRole('checkbox', { name: /I authorize .* to charge the payment method above/ });
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    const authorization = (await page.locator('#authorize-text').innerText()).trim();
    expect(authorization).toContain(`3 payments every month from ${firstOfMonth(1)} to ${firstOfMonth(3)}`);
    await box.check();
    await page.screenshot({ path: path.resolve(__dirname, '../../tmp/plan-page-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'Agree and pay $60.00' }).dblclick();
    await visible(page, 'Payment plan set up');
    createdPlanId = (await page.locator('#plan-id').innerText()).trim();
    expect(createdPlanId).toMatch(/^[0-9A-F]{32}$/);
    await visible(page, /VISA ending 1111/i);

    const row = await planRow(createdPlanId);
    expect(row).toMatchObject({
      status: 'Active',
      type: 'Installment',
      total: '30000',
      patient_first_name: 'Pat',
    });
    expect(row.card_ref).toBeTruthy();
    // The exact text the payer ticked is kept with the plan's creation.
    const agreed = await db.query(
      `SELECT changes->>'authorization' AS text FROM audit_log
        WHERE resource = 'payment-plan' AND resource_id = $1 AND action = 'payment-plan.created'`,
      [uuidOf(createdPlanId)],
    );
    expect(agreed.rows).toHaveLength(1);
    expect(agreed.rows[0].text).toBe(authorization);

    await page.getByRole('link', { name: 'Continue' }).click();
    await page.waitForURL(/\/health\/live\?/);
    const back = new URL(page.url()).searchParams;
    expect(back.get('paymentPlanID')).toBe(createdPlanId);
    expect(back.get('token')).toBe(t.token);
    expect(back.get('respCode')).toBe('000');
    expect(back.get('relayState')).toBe('plan-1');
    expect(back.get('transactionID')).toMatch(/^[0-9A-F]{32}$/);

    await page.goto(t.pageURL);
    await visible(page, 'This payment link has already been used');
    await page.close();
  });

  it('reads the plan the page created back over REST', async () => {
    expect(createdPlanId).not.toBe('');
    const res = await rest('GET', `/payment/paymentplan/${createdPlanId}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(createdPlanId);
    expect(res.text).toContain('300.00');
  });

  it('sets up a recurring plan on a bank account, with nothing charged today', async () => {
    const t = await planToken({
      paymentPlanType: 'Recurring',
      installmentAmount: '25.00',
      frequency: 'Monthly',
      startDate: firstOfMonth(1),
      endDate: firstOfMonth(4),
      preventCard: 'true',
      confirmURL: `${api()}/health/live`,
      suppressReceipt: 'true',
    });
    const page = await phone();
    await page.goto(t.pageURL);
    await visible(page, 'Set up recurring payments');
    expect(await page.getByLabel('Card number').count()).toBe(0);
    expect(await scheduleOf(page)).toEqual([1, 2, 3, 4].map((m) => [firstOfMonth(m), '$25.00']));
    await page.getByLabel('Routing number').fill('011000016');
    await page.getByLabel('Account number').focus();
    await visible(page, 'Enter a valid 9-digit routing number');
    await page.getByLabel('Routing number').fill('011000015');
    await page.getByLabel('Account number').fill('123456789');
    await page.getByLabel('Name on account').fill('Pat Doe');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Agree and set up plan' }).click();
    await page.waitForURL(/\/health\/live\?/);
    const back = new URL(page.url()).searchParams;
    const id = back.get('paymentPlanID') ?? '';
    expect(id).toMatch(/^[0-9A-F]{32}$/);
    expect(back.get('transactionID')).toBeNull();
    const row = await planRow(id);
    expect(row).toMatchObject({ status: 'Active', type: 'Recurring', card_ref: null });
    expect(row.bank_account_ref).toBeTruthy();
    await page.close();
  });

  it('replaces the card of an existing plan on the replacement page', async () => {
    expect(createdPlanId).not.toBe('');
    const before = await planRow(createdPlanId);
    // The token the console's "replace the card" makes (PlanCardReplacementService): a console
    // user's, naming the plan.
    const token = randomBytes(32).toString('base64url');
    await db.query(
      `INSERT INTO sso_tokens (id, token_hash, organization_id, merchant_ref, outlet_ref, store_id, terminal_id,
         credential_identifier, created_by_user_id, channel, action, plan_terms, expires_at)
       SELECT $1, $2, m.organization_id, m.id, o.id, o.store_id, o.terminal_id, u.email, u.id, 'CONSOLE',
              'UpdatePlanMethod', $3::jsonb, now() + interval '15 minutes'
         FROM merchants m JOIN outlets o ON o.merchant_ref = m.id AND o.store_id = '001' AND o.terminal_id = '002'
         JOIN users u ON u.email = $4
        WHERE m.merchant_id = $5`,
      [
        randomUUID(),
        createHash('sha256').update(token).digest('hex'),
        JSON.stringify({ kind: 'replace', paymentPlanId: createdPlanId }),
        DEMO.lakeside.admin.email,
        DEMO.lakeside.merchantId,
      ],
    );
    const page = await phone();
    await page.goto(`${api()}/providers/Form/PatientPayments/UpdatePaymentPlanSimpleSSO?token=${token}`);
    await visible(page, 'Replace the payment method');
    await visible(page, createdPlanId);
    await visible(page, /VISA ending 1111/i);
    expect((await scheduleOf(page)).length).toBe(3);
    await fillCard(page, CARDS.mastercard);
    await page.getByRole('checkbox', { name: /instead of the one on file/ }).check();
    await page.getByRole('button', { name: 'Agree and replace' }).click();
    await visible(page, 'Payment method replaced');
    expect(await page.locator('#plan-method').innerText()).toMatch(/ending 0004/);
    const after = await planRow(createdPlanId);
    expect(after.card_ref).toBeTruthy();
    expect(after.card_ref).not.toBe(before.card_ref);
    await page.goto(`${api()}/providers/Form/PatientPayments/UpdatePaymentPlanSimpleSSO?token=${token}`);
    await visible(page, 'This payment link has already been used');
    await page.close();
  });
});
