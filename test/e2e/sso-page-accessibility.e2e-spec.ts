import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { blockingViolations, describeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { focused, tabTo } from '../support/keyboard';
import { DEMO } from './client';
import { CARDS, FUTURE, LAKESIDE_NVP } from './payments-client';

/** The page's globals used in `page.evaluate` below (the test program is compiled without the DOM lib). */
declare const document: { body: object; activeElement: object | null };
declare function getComputedStyle(element: object): {
  backgroundColor: string;
  outlineStyle: string;
  outlineWidth: string;
};

const api = () => inject('apiUrl');

/** A hosted page link from `/sso` (NVP), with the demo practice's outlet. */
async function pageUrl(extra: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${api()}/sso`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LAKESIDE_NVP },
    body: new URLSearchParams({
      merchantID: DEMO.lakeside.merchantId,
      storeID: '001',
      terminalID: '002',
      patientFirstName: 'Pat',
      patientLastName: 'Doe',
      responseActionType: 'header',
      ...extra,
    }).toString(),
  });
  const text = await res.text();
  const fields = Object.fromEntries(new URLSearchParams(text));
  if (res.status !== 200 || !fields.pageURL) throw new Error(`sso: ${res.status} ${text}`);
  return fields.pageURL.replace(/^https?:\/\/[^/]+/, api());
}

/** The first of next month (UTC): a valid start for a payment plan. */
function nextMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

const violations = async (page: Page, where: string) =>
  describeViolations(await blockingViolations(page)).map((v) => `${where}: ${v}`);

/** The focused element's outline as drawn: a keyboard user must see where they are. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });

/**
 * The hosted payment page (and the plan page) checked with axe-core in the light and dark
 * schemes, with its errors announced, its tabs on the arrow keys, and a payment made with the
 * keyboard only.
 */
describe('hosted payment page accessibility (axe-core, keyboard; Playwright, system Chromium)', () => {
  let browser: Browser;
  const contexts: Partial<Record<'light' | 'dark', BrowserContext>> = {};
  beforeAll(async () => {
    browser = await launchChromium();
    for (const colorScheme of ['light', 'dark'] as const)
      contexts[colorScheme] = await browser.newContext({
        viewport: { width: 412, height: 900 },
        colorScheme,
      });
  });
  afterAll(() => browser?.close());

  for (const scheme of ['light', 'dark'] as const) {
    it(`passes axe on the form, its errors, the receipt and the plan page (${scheme})`, async () => {
      const page = await contexts[scheme]!.newPage();
      const found: string[] = [];
      await page.goto(await pageUrl({ amount: '18.50' }));
      // The scheme the device asks for is the one drawn.
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(13, 24, 34)' : 'rgb(244, 246, 248)');
      found.push(...(await violations(page, 'form')));

      // Submitting empty: every error shown, announced and tied to its field.
      await page.getByRole('button', { name: 'Pay' }).click();
      await expect
        .poll(() => page.locator('#form-error').textContent())
        .toBe('Please correct the highlighted fields.');
      expect(await page.locator('#form-error').getAttribute('role')).toBe('alert');
      const card = page.getByLabel('Card number');
      expect(await card.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await card.getAttribute('aria-describedby'))!;
      expect(await page.locator(`#${describedBy}`).textContent()).toBe('Enter a valid card number');
      expect(await page.locator(`#${describedBy}`).getAttribute('aria-live')).toBe('polite');
      expect((await focused(page)).name).toBe('Card number');
      found.push(...(await violations(page, 'form with errors')));

      // The eCheck panel, and the receipt.
      await page.getByRole('tab', { name: 'eCheck' }).click();
      found.push(...(await violations(page, 'eCheck panel')));
      await page.getByRole('tab', { name: 'Card' }).click();
      await card.fill(CARDS.visa);
      await page.getByLabel('Expiration (MM/YY)').fill(FUTURE);
      await page.getByRole('button', { name: 'Pay' }).click();
      await expect.poll(() => page.getByText('Payment approved').isVisible(), { timeout: 15_000 }).toBe(true);
      found.push(...(await violations(page, 'receipt')));

      await page.goto(
        await pageUrl({
          transactionAction: 'PaymentPlan',
          patientID: `A11Y-${Date.now()}`,
          totalAmount: '300.00',
          downPaymentAmount: '60.00',
          installmentCount: '3',
          frequency: 'Monthly',
          startDate: nextMonth(),
        }),
      );
      await expect.poll(() => page.getByText('Set up a payment plan').isVisible()).toBe(true);
      found.push(...(await violations(page, 'plan page')));
      await page.getByRole('button', { name: /^Agree and pay/ }).click();
      await expect
        .poll(() => page.locator('#authorize-err').textContent())
        .toBe('Tick the box to authorize these payments');
      found.push(...(await violations(page, 'plan page with errors')));
      await page.close();
      expect(found).toEqual([]);
    }, 60_000);
  }

  it('moves between the Card and eCheck tabs with the arrow keys, as one tab stop', async () => {
    const page = await contexts.light!.newPage();
    await page.goto(await pageUrl({ amount: '18.50', isReadOnly: 'true' }));
    await tabTo(page, /^Card$/);
    expect(await focusRing(page)).toMatchObject({ style: 'solid', width: 3 });
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).name).toBe('eCheck');
    expect(await page.getByRole('tab', { name: 'eCheck' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('Routing number').isVisible()).toBe(true);
    expect(await page.getByLabel('Card number').isVisible()).toBe(false);
    // The tab list is one stop: the next Tab goes into the selected panel.
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Routing number');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).name).toBe('eCheck');
    await page.keyboard.press('Home');
    expect((await focused(page)).name).toBe('Card');
    await page.keyboard.press('ArrowLeft'); // wraps round to the last tab
    expect((await focused(page)).name).toBe('eCheck');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Card' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#tender').inputValue()).toBe('CreditCard');
    await page.close();
  });

  it('takes a card payment with the keyboard only (Tab, typing, Enter) to the approved receipt', async () => {
    const page = await contexts.dark!.newPage();
    await page.goto(await pageUrl());
    await tabTo(page, /^Amount$/);
    await page.keyboard.type('7.25');
    await tabTo(page, /^Card number$/);
    expect(await focusRing(page)).toMatchObject({ style: 'solid', width: 3 });
    await page.keyboard.type(CARDS.luhnFails);
    await page.keyboard.press('Tab');
    // The refusal is announced where the payer is, and Enter does not send the form.
    await expect.poll(() => page.locator('#cardNumber-err').textContent()).toBe('Enter a valid card number');
    await page.keyboard.press('Enter');
    expect((await focused(page)).name).toBe('Card number');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(CARDS.visa);
    await tabTo(page, /^Expiration/);
    await page.keyboard.type(FUTURE);
    await tabTo(page, /^Security code$/);
    await page.keyboard.type('123');
    await tabTo(page, /^Name on card$/);
    await page.keyboard.type('Kay Keyes');
    await tabTo(page, /^Pay$/);
    expect(await focusRing(page)).toMatchObject({ style: 'solid', width: 3 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Payment approved').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText('$7.25').isVisible()).toBe(true);
    await page.close();
  });
});
