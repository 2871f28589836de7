import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { DEMO } from './client';
import { CARDS, FUTURE } from './payments-client';

/** Signs in and opens Review → Payment page links. */
async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${inject('apiUrl')}/console/`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in once the app bar shows the user (the post-login redirect has happened by then).
  await expect.poll(() => page.getByText(who.email).first().isVisible(), { timeout: 15_000 }).toBe(true);
  await page.getByRole('menuitem', { name: 'Payment page links' }).click();
  await expect.poll(() => page.url()).toContain('#/sso-tokens');
}

/** "Take a payment" in the console: the form, the hosted page in a new tab, the list afterwards. */
describe('console: take a payment (Playwright, system Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('creates a page for a patient, pays on it in a new tab, and lists it as complete', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, DEMO.lakeside.admin);
    await page.getByRole('link', { name: 'Take a payment' }).click();
    await expect.poll(() => page.getByLabel('Outlet').isVisible()).toBe(true);
    // From the merchant's page the action comes with the merchant chosen.
    await page.goto(`${inject('apiUrl')}/console/#/merchants/${DEMO.lakeside.merchantId}/show`);
    await page.getByRole('link', { name: 'Take a payment' }).click();
    await expect.poll(() => page.url()).toContain('/sso-tokens/create');
    await page.getByLabel('Outlet').click();
    await page.getByRole('option', { name: /^001\/002/ }).click();
    const patientId = `CONSOLE-${Date.now()}`;
    await page.getByLabel('Amount (USD)').fill('12.34');
    await page.getByLabel('Patient ID').fill(patientId);
    await page.getByLabel('Patient last name').fill('Doe');

    const opened = context.waitForEvent('page', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Save' }).click();
    const tab = await opened;
    await expect.poll(() => page.getByText('The payment page opened in a new tab').isVisible()).toBe(true);

    await tab.waitForLoadState();
    expect(tab.url()).toContain('/providers/Form/PatientPayments/NewPaymentSimpleSSO?token=');
    expect(await tab.evaluate('window.opener === null')).toBe(true);
    await expect.poll(() => tab.getByText('12.34').first().isVisible()).toBe(true);
    await tab.getByLabel('Card number').fill(CARDS.visa);
    await tab.getByLabel('Expiration (MM/YY)').fill(FUTURE);
    await tab.getByLabel('Security code').fill('123');
    await tab.getByLabel('Name on card').fill('Pat Doe');
    await tab.getByLabel('ZIP').fill('02139');
    await tab.getByRole('button', { name: 'Pay' }).click();
    await expect.poll(() => tab.getByText('Payment approved').isVisible(), { timeout: 15_000 }).toBe(true);

    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row').filter({ hasText: patientId });
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => row.getByText('Complete').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await row.getByText(DEMO.lakeside.admin.email).isVisible()).toBe(true);
    await context.close();
  });

  it('offers the action to practice admins only', async () => {
    const page = await browser.newPage();
    await signIn(page, DEMO.lakeside.finance);
    // The list (or its empty state, on a fresh database) is shown, without the action.
    await expect
      .poll(
        async () =>
          (await page.getByRole('columnheader', { name: 'Created by' }).isVisible()) ||
          (await page.getByText('No payment page links yet').isVisible()),
      )
      .toBe(true);
    expect(await page.getByRole('link', { name: 'Take a payment' }).count()).toBe(0);
    await page.close();
  });
});
