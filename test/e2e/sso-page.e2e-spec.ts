import path from 'node:path';
import { type Browser, devices, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { DEMO } from './client';
import { CARDS, FUTURE, LAKESIDE_NVP } from './payments-client';

const api = () => inject('apiUrl');

async function token(extra: Record<string, string> = {}): Promise<{ token: string; pageURL: string }> {
  const res = await fetch(`${api()}/sso`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LAKESIDE_NVP },
    body: new URLSearchParams({
      merchantID: DEMO.lakeside.merchantId,
      storeID: '001',
      terminalID: '002',
      amount: '18.50',
      isReadOnly: 'true',
      patientFirstName: 'Pat',
      patientLastName: 'Doe',
      responseActionType: 'header',
      ...extra,
    }).toString(),
  });
  const fields = Object.fromEntries(new URLSearchParams(await res.text()));
  return { token: fields.token, pageURL: fields.pageURL.replace(/^https?:\/\/[^/]+/, api()) };
}

const visible = (page: Page, text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 10_000 }).toBe(true);

/** The hosted page in Debian's Chromium at a phone's size, as a patient would use it. */
describe('hosted payment page (Playwright, phone viewport)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  const phone = () => browser.newPage({ ...devices['Pixel 5'], userAgent: undefined });

  it('pays by card with live validation announced, then shows the receipt; the link cannot be reused', async () => {
    const t = await token();
    const page = await phone();
    await page.goto(t.pageURL);
    await visible(page, '$18.50');
    await page.getByLabel('Card number').fill(CARDS.luhnFails);
    await page.getByLabel('Expiration (MM/YY)').focus();
    await visible(page, 'Enter a valid card number');
    expect(await page.getByLabel('Card number').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Card number').fill(CARDS.visa);
    await page.getByLabel('Expiration (MM/YY)').fill(FUTURE);
    await page.getByLabel('Security code').fill('123');
    await page.getByLabel('Name on card').fill('Pat Doe');
    await page.getByLabel('ZIP').fill('02139');
    await page.getByRole('button', { name: 'Pay' }).dblclick();
    await visible(page, 'Payment approved');
    await visible(page, /VISA ending 1111/i);
    await page.screenshot({ path: path.resolve(__dirname, '../../tmp/sso-receipt-phone.png') });
    await page.goto(t.pageURL);
    await visible(page, 'This payment link has already been used');
    await page.close();
  });

  it('pays by eCheck from its tab, and checks the routing number as the payer types', async () => {
    const t = await token();
    const page = await phone();
    await page.goto(t.pageURL);
    await page.getByRole('tab', { name: 'eCheck' }).click();
    await page.getByLabel('Routing number').fill('011000016');
    await page.getByLabel('Account number').focus();
    await visible(page, 'Enter a valid 9-digit routing number');
    await page.getByLabel('Routing number').fill('011000015');
    await page.getByLabel('Account number').fill('1234567890');
    await page.getByLabel('Name on account').fill('Pat Doe');
    await page.getByRole('button', { name: 'Pay' }).click();
    await visible(page, 'Payment approved');
    await page.close();
  });

  it('cancels to the cancel URL with the token and relay state, and shows an expired link clearly', async () => {
    const t = await token({ cancelURL: `${api()}/health/live`, relayState: 'r-1', preventCheck: 'true' });
    const page = await phone();
    await page.goto(t.pageURL);
    expect(await page.getByRole('tab', { name: 'eCheck' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL(/\/health\/live\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('token')).toBe(t.token);
    expect(url.searchParams.get('relayState')).toBe('r-1');
    const old = await token();
    await new Promise((r) => setTimeout(r, 13_000));
    await page.goto(old.pageURL);
    await visible(page, 'This payment link has expired');
    await page.screenshot({ path: path.resolve(__dirname, '../../tmp/sso-expired-phone.png') });
    await page.close();
  }, 40_000);
});
