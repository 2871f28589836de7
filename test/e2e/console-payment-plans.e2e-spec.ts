import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { as, call, DEMO } from './client';
import { PlanMaker } from './plans-client';

const visible = (page: Page, text: string | RegExp, timeout = 15_000) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);

async function signIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${inject('apiUrl')}/console/`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page, who.email);
  return page;
}

const open = (page: Page, route: string) => page.goto(`${inject('apiUrl')}/console/#${route}`);

/** The console's payment plans, in Debian's Chromium (payment-plans.md "Admin API"). */
describe('console: payment plans (Playwright, system Chromium)', () => {
  let browser: Browser;
  let maker: PlanMaker;
  let admin: string;

  beforeAll(async () => {
    browser = await launchChromium();
    maker = await PlanMaker.open();
    admin = await as.lakesideAdmin();
  });
  afterAll(async () => {
    await browser?.close();
    await maker?.close();
  });

  it('lists a plan with its status chip, shows its schedule, and pauses and resumes it', async () => {
    const { id, patientId } = await maker.installment('90.00', 3);
    // One installment charged, so the detail has a past charge linked to its transaction.
    const first = await call<{ transaction: { transactionId: string } }>(
      'POST',
      `/admin/api/payment-plans/${id}/run-next`,
      { token: admin, body: {} },
    );
    expect(first.status, first.text).toBe(200);
    const transactionId = first.body.transaction.transactionId;

    const page = await signIn(browser, DEMO.lakeside.admin);
    await page.getByRole('menuitem', { name: 'Payment plans' }).click();
    await expect.poll(() => page.url()).toContain('#/payment-plans');
    await open(page, `/payment-plans?filter=${encodeURIComponent(JSON.stringify({ q: patientId }))}`);
    const row = page.getByRole('row').filter({ hasText: patientId });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => row.getByText('Active', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => row.getByText('1 of 3 paid').isVisible()).toBe(true);

    await row.click();
    await expect.poll(() => page.url()).toContain(`#/payment-plans/${id}/show`);
    const past = page.getByTestId('plan-past-charges');
    await expect
      .poll(() => past.getByRole('link', { name: transactionId }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => past.getByText('Approved · 000').isVisible()).toBe(true);
    const upcoming = page.getByTestId('plan-upcoming');
    await expect.poll(() => upcoming.getByRole('row').count()).toBe(3); // header + installments 2 and 3
    await expect.poll(() => upcoming.getByText('$30.00').count()).toBe(2);
    // Lakeside settles through the sandbox, so its admin sees the sandbox's run-next.
    await expect.poll(() => page.getByRole('button', { name: 'Run next' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Pause' }).click();
    await visible(page, 'Plan paused');
    await expect.poll(() => page.getByRole('button', { name: 'Resume' }).isVisible()).toBe(true);
    const paused = await call<{ status: string }>('GET', `/admin/api/payment-plans/${id}`, { token: admin });
    expect(paused.body.status).toBe('Paused');
    await expect
      .poll(() =>
        page
          .getByTestId('plan-history')
          .getByText(/^Paused/)
          .isVisible(),
      )
      .toBe(true);

    await page.getByRole('button', { name: 'Resume' }).click();
    await visible(page, 'Plan resumed');
    await expect.poll(() => page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
    const resumed = await call<{ status: string }>('GET', `/admin/api/payment-plans/${id}`, { token: admin });
    expect(resumed.body.status).toBe('Active');

    // The transaction link opens the charge's own page.
    await past.getByRole('link', { name: transactionId }).click();
    await expect.poll(() => page.url()).toContain(`#/transactions/${transactionId}/show`);
    await page.close();
  });

  it('shows finance the plans and the export, without the actions', async () => {
    const { id, patientId } = await maker.installment('40.00', 2);
    const page = await signIn(browser, DEMO.lakeside.finance);
    await open(page, `/payment-plans?filter=${encodeURIComponent(JSON.stringify({ q: patientId }))}`);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: patientId }).count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => page.getByTestId('payment-plans-export').isEnabled()).toBe(true);
    await open(page, `/payment-plans/${id}/show`);
    await visible(page, 'Installment plan');
    await expect.poll(() => page.getByTestId('plan-upcoming').getByText('$20.00').count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await page.close();
  });
});
