import path from 'node:path';
import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { as, call, DEMO } from './client';
import { CARDS, FUTURE, nvp } from './payments-client';

const ZONE = 'Pacific/Honolulu'; // no summer time: always UTC−10, so never the browser's (UTC) day
const shot = (name: string) => path.resolve(__dirname, `../../tmp/${name}.png`);
const visible = (page: Page, text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 15_000 }).toBe(true);

/** Opens the console signed in as Lakeside's admin, recording every admin API call it refuses. */
async function signIn(browser: Browser, viewport: { width: number; height: number }) {
  const page = await browser.newPage({ viewport });
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/admin/api/') && r.status() === 400) refused.push(r.url());
  });
  await page.goto(`${inject('apiUrl')}/console/`);
  await page.getByLabel('Email').fill(DEMO.lakeside.admin.email);
  await page.getByLabel('Password').fill(DEMO.lakeside.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The dashboard's first tile: the organization's name is not in a phone's app bar.
  await expect.poll(() => page.getByTestId('today-count').isVisible(), { timeout: 15_000 }).toBe(true);
  return { page, refused };
}

/**
 * The Transactions list and the Developers page as issue 14's trial found them: a merchant
 * filter that hung, declined rows at $0.00, UTC times, cramped or hidden columns, doubled snippets.
 */
describe('console: transactions, time zones and developers (Playwright, system Chromium)', () => {
  let browser: Browser;
  let merchantId: string;
  let merchantName: string;
  let declinedId: string;
  let soldAt: Date;

  beforeAll(async () => {
    browser = await launchChromium();
    const admin = await as.lakesideAdmin();
    merchantId = `8${String(randomInt(10 ** 11, 10 ** 12))}`;
    merchantName = `Honolulu Clinic ${merchantId.slice(-4)}`;
    const m = await call('POST', '/admin/api/merchants', {
      token: admin,
      body: { merchantId, name: merchantName, timeZone: ZONE },
    });
    expect(m.status, m.text).toBe(201);
    const o = await call('POST', '/admin/api/outlets', {
      token: admin,
      body: { merchantId, storeId: '001', terminalId: '001' },
    });
    expect(o.status, o.text).toBe(201);
    const sale = (cardNumber: string, amount: string) =>
      nvp({
        merchantID: merchantId,
        storeID: '001',
        terminalID: '001',
        transactionType: 'CreditCard',
        transactionAction: 'Sale',
        amount,
        cardNumber,
        cardExpiration: FUTURE,
      });
    soldAt = new Date();
    const declined = await sale(CARDS.doNotHonor, '43.21');
    expect(declined.fields.transactionStatus, declined.text).toBe('D');
    declinedId = declined.fields.transactionID;
    const approved = await sale(CARDS.visa, '12.34');
    expect(approved.fields.transactionStatus, approved.text).toMatch(/^[AC]$/);
  });
  afterAll(() => browser?.close());

  it('filters by merchant (the autocomplete loads), shows the requested amount of a declined row and merchant-zone times at 1440 px', async () => {
    const { page, refused } = await signIn(browser, { width: 1440, height: 900 });
    await page.getByRole('menuitem', { name: 'Transactions' }).click();
    const filter = page.getByRole('combobox', { name: 'Merchant' });
    await filter.click();
    await filter.fill(merchantName);
    await page.getByRole('option', { name: new RegExp(merchantName) }).click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain(encodeURIComponent(merchantId));
    await visible(page, '$43.21');
    await visible(page, 'Requested, not charged');
    const declinedRow = page.getByRole('row').filter({ hasText: '$43.21' });
    await expect.poll(() => declinedRow.getByText('$0.00').count()).toBe(0);
    // Times are the merchant's (HST), not the browser's UTC.
    const time = declinedRow.locator(`[data-time-zone="${ZONE}"]`);
    await expect.poll(() => time.count()).toBe(1);
    expect(await time.textContent()).toMatch(/HST/);
    await visible(page, 'Times are shown in each merchant’s time zone');
    // Every column fits the table at 1440 × 900: no horizontal scrolling.
    // Polled: under load the filtered rows can still be laying out when first measured.
    const overflow = () =>
      page.locator('.RaDataTable-tableWrapper').evaluate((el) => el.scrollWidth - el.clientWidth);
    await expect.poll(overflow, { timeout: 10_000 }).toBeLessThanOrEqual(0);
    for (const header of ['Amount', 'Status', 'Card / account', 'Patient', 'Posting', 'Response']) {
      expect(await page.getByRole('columnheader', { name: header }).isVisible(), header).toBe(true);
    }
    await page.screenshot({ path: shot('console-transactions-1440') });

    await declinedRow.click();
    await expect.poll(() => page.url()).toContain(`#/transactions/${declinedId}/show`);
    await expect
      .poll(() => page.getByTestId('not-charged').textContent(), { timeout: 15_000 })
      .toContain('Declined: $43.21 was requested and nothing was charged.');
    expect(refused).toEqual([]);
    await page.close();
  });

  it('lists transactions on a 390 × 844 phone as rows with amount, status, card, time and merchant', async () => {
    const { page, refused } = await signIn(browser, { width: 390, height: 844 });
    const filter = encodeURIComponent(JSON.stringify({ merchantId }));
    await page.goto(`${inject('apiUrl')}/console/#/transactions?filter=${filter}`);
    const row = page.getByRole('link').filter({ hasText: '$43.21' });
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Requested, not charged');
    expect(text).toContain('Declined');
    expect(text).toContain('•••• 0002');
    expect(text).toMatch(/HST/);
    await expect.poll(async () => (await row.textContent()) ?? '').toContain(merchantName);
    expect(await page.getByRole('columnheader').count()).toBe(0);
    // A string, as the test's own types have no DOM.
    const pageOverflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(pageOverflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: shot('console-transactions-phone') });
    expect(refused).toEqual([]);
    await page.close();
  });

  it("summarizes the dashboard's today in the zone asked for, and refuses an unknown zone", async () => {
    const token = await as.lakesideAdmin();
    const bad = await call<{ code?: string }>('GET', '/admin/api/dashboard/summary?timeZone=Mars%2FOlympus', {
      token,
    });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.text).toContain('timeZone');
    const ok = await call<{ date: string; timeZone: string; volumeByHour: { hour: number }[] }>(
      'GET',
      `/admin/api/dashboard/summary?timeZone=${encodeURIComponent(ZONE)}`,
      { token },
    );
    expect(ok.status, ok.text).toBe(200);
    const honoluluToday = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
    expect(ok.body).toMatchObject({ timeZone: ZONE, date: honoluluToday });
    // The sales of beforeAll are counted in Honolulu's hour, not UTC's (10 hours apart).
    const hourIn = (date: Date) =>
      Number(
        new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hour: 'numeric', hourCycle: 'h23' }).format(date),
      );
    const hours = ok.body.volumeByHour.map((h) => h.hour);
    expect(
      [hourIn(soldAt), hourIn(new Date())].some((h) => hours.includes(h)),
      JSON.stringify(hours),
    ).toBe(true);
    const utc = await call<{ timeZone: string }>('GET', '/admin/api/dashboard/summary', { token });
    expect(utc.body.timeZone).toBe('UTC');
  });

  it('shows each Developers sample once, with a REST single sign-on example and webhook receivers', async () => {
    const { page } = await signIn(browser, { width: 1280, height: 900 });
    await page.getByRole('menuitem', { name: 'Developers' }).click();
    await visible(page, 'Hosted payment page over REST: create a token, then poll its status');
    // Each snippet's text appears in exactly one element on the page.
    for (const snippet of ['/rest/sso/token/$TOKEN/status', 'transactionAction=Sale', 'def verify_webhook']) {
      expect(await page.getByText(snippet).count(), snippet).toBe(1);
    }
    expect(await page.getByRole('region', { name: 'Webhook receiver (Node.js)' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Webhook receiver (Python)' }).count()).toBe(1);
    await page.screenshot({ path: shot('console-developers'), fullPage: true });
    await page.close();
  });
});
