import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { as, call, DEMO } from './client';
import { CARDS } from './payments-client';
import { eventually, freshMerchant, saleOn } from './webhooks-client';

/** The admin API records this file reads (docs/settlement.md). */
interface SettlementRecord {
  id: string;
  settlementBatchId: string;
  merchantId: string;
  businessDate: string;
  status: string;
  itemCount: number;
  grossCents: number;
  feeCents: number;
  netCents: number;
}

interface DisputeRecord {
  id: string;
  merchantId: string;
  transactionId: string;
  reasonCode: string;
  status: string;
  evidence: { id: string; kind: 'TEXT' | 'FILE'; text: string | null; fileName: string | null }[];
}

interface BatchFileRecord {
  id: string;
  kind: string;
  name: string;
  merchantId: string;
  settlementBatchId: string | null;
}

const visible = (page: Page, text: string | RegExp, timeout = 15_000) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.resolve(__dirname, `../../tmp/console-${name}.png`), fullPage: true });

async function signIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${inject('apiUrl')}/console/`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in once the app bar shows the user (the post-login redirect has happened by then).
  await visible(page, who.email);
  return page;
}

const open = (page: Page, route: string) => page.goto(`${inject('apiUrl')}/console/#${route}`);

const withFilter = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** Clicks, waits for the browser's download and answers its suggested name and text. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), click()]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(saved, 'utf8') };
}

/** POST settle-now as a practice admin; NestJS may answer 200 or 201 for it. */
async function settleNow(token: string, merchantId: string) {
  const r = await call<{ settled: boolean; batch: SettlementRecord | null }>(
    'POST',
    `/admin/api/merchants/${merchantId}/settle-now`,
    { token, body: {} },
  );
  expect([200, 201], r.text).toContain(r.status);
  return r.body;
}

async function disputesOf(token: string, merchantId: string): Promise<DisputeRecord[]> {
  const filter = encodeURIComponent(JSON.stringify({ merchantId }));
  const r = await call<DisputeRecord[]>('GET', `/admin/api/disputes?filter=${filter}&range=[0,24]`, {
    token,
  });
  expect(r.status, r.text).toBe(200);
  return r.body;
}

/**
 * What a practice's finance office does every morning, in Debian's Chromium: the sandbox batch
 * closed on demand, its figures, items, chart and CSVs; the reconciliation of the day; a
 * chargeback's dispute answered with evidence; the posting file downloaded.
 */
describe('console: finance (Playwright, system Chromium)', () => {
  let browser: Browser;
  let admin: string;
  let finance: string;
  let page: Page;
  /** The merchant whose batch the finance user reviews, and the batch settle-now closed. */
  let merchantId: string;
  let batch: SettlementRecord;
  const sales: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    admin = await as.lakesideAdmin();
    finance = await as.lakesideFinance();
  });
  afterAll(() => browser?.close());

  it('closes a sandbox batch on demand and shows finance its figures, items, chart and CSVs', async () => {
    merchantId = await freshMerchant(admin);
    const merchant = await call<{ processor?: string }>('GET', `/admin/api/merchants/${merchantId}`, {
      token: admin,
    });
    expect(merchant.body.processor).toBe('SANDBOX');
    page = await signIn(browser, DEMO.lakeside.finance);
    // Two sandbox card sales: fees 2.90 % + $0.30 each, so $0.88 and $0.59.
    sales.push(await saleOn(merchantId, { amount: '20.00' }));
    sales.push(await saleOn(merchantId, { amount: '10.00' }));

    const settled = await settleNow(admin, merchantId);
    expect(settled.settled).toBe(true);
    batch = settled.batch as SettlementRecord;
    expect(batch).toMatchObject({
      merchantId,
      itemCount: 2,
      grossCents: 3000,
      feeCents: 147,
      netCents: 2853,
    });
    expect(batch.settlementBatchId).toMatch(/^[0-9A-F]{32}$/);

    // The dashboard's finance tiles, then the list through the menu, then this merchant's rows.
    await visible(page, 'Next deposit');
    await page.getByRole('menuitem', { name: 'Settlements' }).click();
    await expect.poll(() => page.url()).toContain('#/settlements');
    await open(page, withFilter('settlements', { merchantId }));
    const row = page.getByRole('row').filter({ hasText: '$28.53' });
    await expect.poll(() => row.first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await row.first().getByText('Settled').isVisible()).toBe(true);

    const list = await download(page, () => page.getByTestId('settlements-export').click());
    expect(list.name).toMatch(/^settlements-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(list.text).toContain(merchantId);
    expect(list.text).toContain('28.53');

    await row.first().click();
    await expect.poll(() => page.url()).toContain(`#/settlements/${batch.id}/show`);
    await expect.poll(() => page.getByTestId('settlement-net').textContent()).toBe('$28.53');
    expect(await page.getByTestId('settlement-sales').textContent()).toBe('$30.00');
    // Deductions carry a true minus sign.
    expect(await page.getByTestId('settlement-fees').textContent()).toBe('\u2212$1.47');
    expect(await page.getByTestId('settlement-deposit').textContent()).toBe('$28.53');
    await visible(page, batch.settlementBatchId);
    // The breakdown chart draws its bars (recharts, loaded lazily) and the items list both sales.
    await expect
      .poll(
        () => page.locator('[data-testid="settlement-breakdown-chart"] .recharts-bar-rectangle').count(),
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThan(0);
    for (const id of sales) await visible(page, id.slice(0, 12));
    await shot(page, 'settlement');

    const items = await download(page, () => page.getByTestId('settlement-items-export').click());
    expect(items.name).toMatch(/\.csv$/);
    for (const id of sales) expect(items.text).toContain(id);

    // Each item opens its transaction.
    await page.getByRole('link', { name: `Transaction ${sales[0]}` }).click();
    await expect.poll(() => page.url()).toContain(`#/transactions/${sales[0]}/show`);
  }, 120_000);

  it('reconciles the day for the merchant and exports it', async () => {
    await page.getByRole('menuitem', { name: 'Reconciliation' }).click();
    await expect
      .poll(() => page.getByTestId('reconciliation-totals').isVisible(), { timeout: 15_000 })
      .toBe(true);

    const day = batch.businessDate.slice(0, 10);
    await open(page, `/reconciliation?${new URLSearchParams({ from: day, to: day, merchantId })}`);
    const row = page.getByTestId(`reconciliation-day-${day}`);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('$28.53');
    expect(await page.getByTestId('reconciliation-totals').textContent()).toContain('$28.53');
    expect(await page.getByTestId('reconciliation-net').textContent()).toBe('$28.53');
    await expect
      .poll(() => page.locator('[data-testid="reconciliation-chart"] .recharts-surface').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await shot(page, 'reconciliation');

    const csv = await download(page, () => page.getByTestId('reconciliation-export').click());
    expect(csv.name).toBe(`reconciliation-${day}-to-${day}.csv`);
    expect(csv.text).toContain(day);
    expect(csv.text).toContain('28.53');
  }, 60_000);

  it('answers a chargeback: the dispute, its countdown, file checks, evidence and its download', async () => {
    const other = await freshMerchant(admin);
    const charged = await saleOn(other, { cardNumber: CARDS.chargeback, amount: '15.00' });
    // The sale settles at the first close; the chargeback arrives at the next one.
    expect((await settleNow(admin, other)).settled).toBe(true);
    await settleNow(admin, other);
    const [opened] = await eventually(async () => {
      const found = await disputesOf(finance, other);
      expect(found).toHaveLength(1);
      return found;
    }, 30_000);
    expect(opened).toMatchObject({ transactionId: charged, reasonCode: '10.4', status: 'NEEDS_RESPONSE' });

    await page.getByRole('menuitem', { name: 'Disputes' }).click();
    await expect.poll(() => page.url()).toContain('#/disputes');
    await open(page, withFilter('disputes', { merchantId: other }));
    const row = page.getByRole('row').filter({ hasText: 'Needs response' });
    await expect.poll(() => row.first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await row.first().getByText('10.4').isVisible()).toBe(true);
    expect(
      await row
        .first()
        .getByText(/Due in \d+ days/)
        .isVisible(),
    ).toBe(true);
    await row.first().click();
    await expect.poll(() => page.url()).toContain(`#/disputes/${opened.id}/show`);
    await page.getByLabel('Your response').waitFor();
    await visible(page, 'Disputed transaction');

    // Over 5 MiB is refused in the browser, before anything is sent.
    const files = page.getByTestId('dispute-evidence-files');
    await files.setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1),
    });
    await visible(page, /scan\.pdf is too large .*5 MiB or smaller/);
    const receipt = 'Signed receipt: visit of the patient, card present, PIN verified.';
    await files.setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from(receipt) });
    await visible(page, 'receipt.txt');
    await page
      .getByLabel('Your response')
      .fill('The patient attended and signed for the visit; we are winning this one. Receipt attached.');
    await page.getByRole('button', { name: 'Submit response' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Submit' }).click();
    await visible(page, 'Response submitted: the dispute is under review');
    await visible(page, 'Under review');
    await visible(page, /we are winning this one/);
    await shot(page, 'dispute');

    const submitted = (
      await call<DisputeRecord>('GET', `/admin/api/disputes/${opened.id}`, { token: finance })
    ).body;
    expect(submitted.status).toBe('UNDER_REVIEW');
    expect(submitted.evidence.some((e) => e.kind === 'TEXT' && e.text?.includes('winning'))).toBe(true);
    expect(submitted.evidence.some((e) => e.kind === 'FILE' && e.fileName === 'receipt.txt')).toBe(true);

    const file = await download(page, () =>
      page.getByRole('button', { name: 'Download receipt.txt' }).click(),
    );
    expect(file.name).toBe('receipt.txt');
    expect(file.text).toBe(receipt);

    // "winning" wins: the outcome arrives at the merchant's next close.
    await settleNow(admin, other);
    await eventually(async () => {
      const [d] = await disputesOf(finance, other);
      expect(d.status).toBe('WON');
    }, 30_000);
    await page.reload();
    await visible(page, 'Won');
  }, 120_000);

  it('lists the posting file of the batch and downloads it', async () => {
    const posting = await eventually(async () => {
      const filter = encodeURIComponent(JSON.stringify({ merchantId }));
      const r = await call<BatchFileRecord[]>('GET', `/admin/api/batch-files?filter=${filter}&range=[0,24]`, {
        token: finance,
      });
      expect(r.status, r.text).toBe(200);
      const found = r.body.find(
        (f) => f.kind === 'POSTING' && f.settlementBatchId === batch.settlementBatchId,
      );
      expect(found).toBeDefined();
      return found as BatchFileRecord;
    });

    await page.getByRole('menuitem', { name: 'Batch files' }).click();
    await expect.poll(() => page.url()).toContain('#/batch-files');
    await open(page, withFilter('batch-files', { merchantId }));
    const row = page.getByRole('row').filter({ hasText: posting.name });
    await expect.poll(() => row.first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await row.first().getByText('Posting file').isVisible()).toBe(true);
    await shot(page, 'posting-files');

    const file = await download(page, () =>
      row
        .first()
        .getByRole('button', { name: `Download ${posting.name}` })
        .click(),
    );
    expect(file.name).toBe(posting.name);
    expect(file.text.length).toBeGreaterThan(0);
  }, 60_000);

  it('offers Settle now to practice admins on sandbox merchants only, and the ERA setting', async () => {
    // Finance sees the merchant's settings but may not settle it.
    await open(page, `/merchants/${merchantId}/show`);
    await visible(page, 'Also produce an X12 835 (ERA)');
    expect(await page.getByRole('button', { name: 'Settle now' }).count()).toBe(0);
    await page.close();

    const adminPage = await signIn(browser, DEMO.lakeside.admin);
    await open(adminPage, `/merchants/${merchantId}/show`);
    await adminPage.getByRole('button', { name: 'Settle now' }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Settle now' }).click();
    // Nothing happened on the merchant since its batch closed.
    await visible(adminPage, 'No activity to settle');
    await open(adminPage, `/merchants/${merchantId}`);
    await expect
      .poll(() => adminPage.getByLabel('Also produce an X12 835 (ERA)').isVisible(), { timeout: 15_000 })
      .toBe(true);
    await adminPage.close();
  }, 60_000);

  it('shows partner developers settlements, reconciliation and batch files, but not disputes', async () => {
    const dev = await signIn(browser, DEMO.partner.developer);
    await expect
      .poll(() => dev.getByRole('menuitem', { name: 'Settlements' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await dev.getByRole('menuitem', { name: 'Reconciliation' }).count()).toBe(1);
    expect(await dev.getByRole('menuitem', { name: 'Batch files' }).count()).toBe(1);
    expect(await dev.getByRole('menuitem', { name: 'Disputes' }).count()).toBe(0);
    await dev.close();
  }, 60_000);
});
