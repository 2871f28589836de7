import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startReceiver, type Receiver } from '../support/webhook-receiver';
import { as, DEMO } from './client';
import { createEndpoint, deliveries, eventually, freshMerchant, saleOn } from './webhooks-client';

const visible = (page: Page, text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 15_000 }).toBe(true);

async function signIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${inject('apiUrl')}/console/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page, 'Lakeside Clinic');
  return page;
}

/** The webhook pages of the console, as a practice admin and as finance would use them. */
describe('console: webhooks (Playwright, system Chromium)', () => {
  let browser: Browser;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
  });

  it('lets a practice admin create an endpoint, see its signing secret once, its health and a test event', async () => {
    const merchantId = await freshMerchant(await as.lakesideAdmin());
    const page = await signIn(browser, DEMO.lakeside.admin.email, DEMO.lakeside.admin.password);
    await page.getByRole('menuitem', { name: 'Webhook endpoints' }).click();
    await visible(page, 'Webhook endpoints');
    // Open the form with the merchant chosen (react-admin's `source` prefill), as the merchant's
    // page would: picking it in the autocomplete depends on search timing among many merchants.
    const source = encodeURIComponent(JSON.stringify({ merchantId }));
    await page.goto(`${inject('apiUrl')}/console/#/webhook-endpoints/create?source=${source}`);
    await page.getByRole('textbox', { name: 'URL' }).waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Merchant' }).inputValue(), { timeout: 15_000 })
      .toContain(merchantId);
    await page.getByRole('textbox', { name: 'URL' }).fill(receiver.url('/console'));
    await page.getByRole('button', { name: 'Save' }).click();
    await visible(page, /signing secret/i);
    await visible(page, /whsec_/);
    await page
      .getByRole('button', { name: /close|done|i have copied/i })
      .first()
      .click();
    await visible(page, 'Health (last 7 days)');
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send' }).click();
    await visible(page, /200 OK in \d+ ms/);
    await visible(page, /webhook-signature: v1,/);
    expect(receiver.requests('/console')).toHaveLength(1);
    await page.screenshot({ path: path.resolve(__dirname, '../../tmp/console-webhook-endpoint.png') });
    await page.close();
  });

  it('shows finance the deliveries in posting error with their posting message, and resends', async () => {
    const admin = await as.lakesideAdmin();
    const finance = await as.lakesideFinance();
    const merchantId = await freshMerchant(admin);
    receiver.behave('/console-fail', {
      kind: 'status',
      status: 502,
      reason: 'Bad Gateway',
      body: 'pms offline',
    });
    await createEndpoint(admin, { merchantId, url: receiver.url('/console-fail') });
    const transactionId = await saleOn(merchantId);
    await eventually(async () => {
      const [d] = await deliveries(finance, { transactionId });
      expect(d.workflowStatus).toBe('POSTING_ERROR');
    }, 30_000);
    receiver.behave('/console-fail', { kind: 'ok' });
    const page = await signIn(browser, DEMO.lakeside.finance.email, DEMO.lakeside.finance.password);
    const filter = encodeURIComponent(JSON.stringify({ merchantId }));
    await page.goto(`${inject('apiUrl')}/console/#/transactions?filter=${filter}`);
    await visible(page, 'Posting error');
    await page.getByRole('menuitem', { name: 'Webhook deliveries' }).click();
    await visible(page, /502 Bad Gateway: pms offline/);
    await page
      .getByText(/502 Bad Gateway: pms offline/)
      .first()
      .click();
    await visible(page, 'Posting error');
    await page.getByRole('button', { name: 'Resend' }).click();
    await eventually(async () => {
      const [d] = await deliveries(finance, { transactionId });
      expect(d.workflowStatus).toBe('COMPLETE');
    });
    expect(await page.getByRole('button', { name: 'Create' }).count()).toBe(0);
    await page.screenshot({ path: path.resolve(__dirname, '../../tmp/console-webhook-delivery.png') });
    await page.close();
  });
});
