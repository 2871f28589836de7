import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { blockingViolations, describeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { focused, tabTo } from '../support/keyboard';
import { as, call, DEMO } from './client';
import { chipSaleOn, scannedCheckSaleOn } from './console-devices-client';
import { CARDS, FUTURE, LAKESIDE_NVP } from './payments-client';
import { createEndpoint, freshMerchant, saleOn } from './webhooks-client';

/** The page's globals used in `page.evaluate` below (the test program is compiled without the DOM lib). */
declare const document: { body: object; querySelector(selector: string): object | null };
declare function getComputedStyle(element: object): { backgroundColor: string };
declare const sessionStorage: { setItem(key: string, value: string): void };

const consoleUrl = (hash = '') => `${inject('apiUrl')}/console/#/${hash}`;

/** Every resource a practice admin opens: its list, a record's page and the create form. */
const ADMIN_LISTS = [
  '',
  'merchants',
  'outlets',
  'terminals',
  'partner-grants',
  'credentials',
  'sftp-accounts',
  'users',
  'webhook-endpoints',
  'webhook-deliveries',
  'transactions',
  'payment-plans',
  'sso-tokens',
  'settlements',
  'disputes',
  'batch-files',
  'audit-log',
  'organizations',
  'reconciliation',
  'platform',
  'developers',
  'two-factor',
];
/** Resources with a show page; users have an edit page instead. */
const ADMIN_RECORDS: [resource: string, view: 'show' | 'edit'][] = [
  ['merchants', 'show'],
  ['outlets', 'show'],
  ['terminals', 'show'],
  ['credentials', 'show'],
  ['sftp-accounts', 'show'],
  ['users', 'edit'],
  ['webhook-endpoints', 'show'],
  ['webhook-deliveries', 'show'],
  ['transactions', 'show'],
  ['payment-plans', 'show'],
  ['settlements', 'show'],
  ['disputes', 'show'],
  ['batch-files', 'show'],
  ['audit-log', 'show'],
  ['organizations', 'show'],
];
/** This run makes these exist (beforeAll), so their record pages are always checked. */
const ALWAYS_THERE = [
  'merchants',
  'outlets',
  'terminals',
  'credentials',
  'sftp-accounts',
  'users',
  'webhook-endpoints',
  'webhook-deliveries',
  'transactions',
  'settlements',
  'audit-log',
  'organizations',
];
const ADMIN_CREATES = [
  'merchants',
  'outlets',
  'terminals',
  'partner-grants',
  'credentials',
  'sftp-accounts',
  'users',
  'webhook-endpoints',
  'sso-tokens',
];
/** What differs for the platform admin: every organization, and creating one. */
const OPS_PAGES = ['', 'organizations', 'organizations/create', 'users/create', 'merchants/create', 'users'];

const THEMES = ['light', 'dark'] as const;
/** Every violation in full (the assertion's diff is cut short when there are many). */
const VIOLATIONS_LOG = path.resolve(__dirname, '../../tmp/console-accessibility.txt');
type ThemeName = (typeof THEMES)[number];

/** Waits until react-admin has nothing loading and MUI's transitions have ended. */
async function settled(page: Page) {
  await page
    .waitForFunction(
      () =>
        !document.querySelector(
          '.MuiLinearProgress-root, .MuiSkeleton-root, .MuiCircularProgress-root, .RaLoading-root',
        ),
      undefined,
      { timeout: 6_000 },
    )
    .catch(() => undefined); // a page that keeps a spinner (a live progress bar) is checked as is
  await page.waitForTimeout(350);
}

/** The theme react-admin is drawing now, from the page background it painted. */
const paintedTheme = (page: Page): Promise<ThemeName> =>
  page.evaluate(() => {
    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
    return r + g + b < 300 ? 'dark' : 'light';
  });

async function signIn(context: BrowserContext, who: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(consoleUrl());
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in once the app bar shows the user (a hook, so no expect.poll here).
  await page.getByText(who.email).first().waitFor({ timeout: 15_000 });
  return page;
}

/** Opens the app bar's theme toggle until react-admin draws `theme` (used in hooks: no expect). */
async function switchTheme(page: Page, theme: ThemeName) {
  await page.goto(consoleUrl());
  await page.getByRole('button', { name: 'Toggle light/dark mode' }).waitFor({ timeout: 15_000 });
  if ((await paintedTheme(page)) === theme) return;
  await page.getByRole('button', { name: 'Toggle light/dark mode' }).click();
  await page.waitForFunction(
    (dark) => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
      return r + g + b < 300 === dark;
    },
    theme === 'dark',
    { timeout: 10_000 },
  );
}

/** Opens one page in the theme and answers its violations, one line each, naming the page. */
async function audit(page: Page, theme: ThemeName, hash: string): Promise<string[]> {
  await page.goto(consoleUrl(hash));
  await settled(page);
  expect(await paintedTheme(page), `#/${hash}`).toBe(theme);
  // A chart's tooltip is part of the page: the pointer over the first chart shows one. (A chart
  // still drawing cannot be hovered; the page is then checked without the tooltip.)
  const chart = page.locator('.recharts-wrapper').first();
  if ((await chart.count()) > 0) {
    await chart.hover({ timeout: 3_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
  }
  const found = describeViolations(await blockingViolations(page)).map((v) => `${theme} #/${hash}: ${v}`);
  if (found.length > 0) appendFileSync(VIOLATIONS_LOG, `${found.join('\n')}\n`);
  return found;
}

/** The first record of a resource as `token` lists it, if any. */
async function firstId(token: string, resource: string): Promise<string | undefined> {
  const r = await call<{ id: string }[]>('GET', `/admin/api/${resource}?range=[0,0]`, { token });
  expect(r.status, `${resource}: ${r.text}`).toBe(200);
  return r.body[0]?.id;
}

/**
 * The console checked with axe-core (WCAG 2.1 AA, serious and critical impacts) on every
 * resource's list, a record page and the create form, in the light and dark themes, as a
 * practice admin and as the platform admin; and its main flow used with the keyboard only.
 */
describe('console accessibility (axe-core, keyboard; Playwright, system Chromium)', () => {
  let browser: Browser;
  let admin: string;
  let adminContext: BrowserContext;
  let adminPage: Page;
  /** The record page of each resource that has one, by resource. */
  const records = new Map<string, string>();
  /** A chip sale's and a scanned eCheck's transaction pages (their panels only show there). */
  const devicePages: string[] = [];

  beforeAll(async () => {
    mkdirSync(path.dirname(VIOLATIONS_LOG), { recursive: true });
    browser = await launchChromium();
    admin = await as.lakesideAdmin();
    // A merchant of this run with an endpoint, sales (so deliveries) and a closed batch, and a
    // payment page link: the record pages below then always have something to show.
    const merchantId = await freshMerchant(admin);
    await createEndpoint(admin, { merchantId, url: 'http://127.0.0.1:9/a11y' });
    await saleOn(merchantId, { amount: '21.00' });
    await saleOn(merchantId, { amount: '9.00' });
    // The transaction pages with a chip receipt and with scanned check images, and a terminal.
    const chipSale = await chipSaleOn(merchantId, { pan: '4761739001010119', amount: '31.00', pin: true });
    const checkSale = await scannedCheckSaleOn(merchantId);
    devicePages.push(`transactions/${chipSale}/show`, `transactions/${checkSale}/show`);
    const [outlet] = (
      await call<{ id: string }[]>(
        'GET',
        `/admin/api/outlets?filter=${encodeURIComponent(JSON.stringify({ merchantId }))}`,
        { token: admin },
      )
    ).body;
    const terminal = await call('POST', '/admin/api/terminals', {
      token: admin,
      body: { outletId: outlet.id, label: 'Accessibility desk' },
    });
    expect(terminal.status, terminal.text).toBe(201);
    const settled = await call('POST', `/admin/api/merchants/${merchantId}/settle-now`, {
      token: admin,
      body: {},
    });
    expect([200, 201], settled.text).toContain(settled.status);
    const sso = await fetch(`${inject('apiUrl')}/sso`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LAKESIDE_NVP },
      body: new URLSearchParams({ merchantID: DEMO.lakeside.merchantId, storeID: '001', terminalID: '002' }),
    });
    expect(sso.status).toBe(200);
    for (const [resource, view] of ADMIN_RECORDS) {
      const id = await firstId(admin, resource);
      if (id) records.set(resource, `${resource}/${encodeURIComponent(id)}${view === 'show' ? '/show' : ''}`);
      else expect(ALWAYS_THERE, `${resource} has no record to open`).not.toContain(resource);
    }
    adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    adminPage = await signIn(adminContext, DEMO.lakeside.admin);
  }, 120_000);
  afterAll(() => browser?.close());

  it('shows the sign-in page without violations in the light and dark themes', async () => {
    const found: string[] = [];
    for (const colorScheme of THEMES) {
      // Before anyone signs in the theme follows the device's setting (react-admin's default).
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
      const page = await context.newPage();
      await page.goto(consoleUrl());
      await expect.poll(() => page.getByLabel('Email').isVisible(), { timeout: 15_000 }).toBe(true);
      await settled(page);
      found.push(
        ...describeViolations(await blockingViolations(page)).map((v) => `${colorScheme} login: ${v}`),
      );
      // A refused sign-in's message is announced and passes too.
      await page.getByLabel('Email').fill(DEMO.harbor.admin.email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').first().isVisible(), { timeout: 10_000 }).toBe(true);
      found.push(
        ...describeViolations(await blockingViolations(page)).map((v) => `${colorScheme} login error: ${v}`),
      );
      await context.close();
    }
    expect(found).toEqual([]);
  }, 60_000);

  for (const theme of THEMES) {
    describe(`as a practice admin, ${theme} theme`, () => {
      beforeAll(() => switchTheme(adminPage, theme), 60_000);
      for (const hash of [...ADMIN_LISTS, ...ADMIN_CREATES.map((r) => `${r}/create`)])
        it(`passes axe on #/${hash}`, async () => {
          expect(await audit(adminPage, theme, hash)).toEqual([]);
        });
      it('passes axe on a chip sale and an eCheck with check images', async () => {
        const found: string[] = [];
        for (const hash of devicePages) found.push(...(await audit(adminPage, theme, hash)));
        expect(devicePages).toHaveLength(2);
        expect(found).toEqual([]);
      });
      for (const [resource] of ADMIN_RECORDS)
        it(`passes axe on a record of ${resource}`, async () => {
          const hash = records.get(resource);
          // Records this run does not make (plans, disputes, inbound files) may not exist yet.
          if (!hash) return expect(ALWAYS_THERE).not.toContain(resource);
          expect(await audit(adminPage, theme, hash)).toEqual([]);
        });
    });
  }

  describe('as the platform admin, where pages differ', () => {
    let page: Page;
    let organizationId: string | undefined;
    beforeAll(async () => {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        colorScheme: 'light',
      });
      // The run's shared two-factor session (a code works once: test/setup/apps.global.ts).
      await context.addInitScript(
        (token) => sessionStorage.setItem('conduit.token', token),
        inject('opsToken'),
      );
      page = await context.newPage();
      organizationId = await firstId(inject('opsToken'), 'organizations');
    }, 60_000);
    for (const theme of THEMES)
      it(`passes axe on organizations, their create form, users and merchants (${theme})`, async () => {
        await switchTheme(page, theme);
        await expect.poll(() => page.getByText(DEMO.ops.email).first().isVisible()).toBe(true);
        const found: string[] = [];
        for (const hash of [...OPS_PAGES, `organizations/${organizationId}/show`])
          found.push(...(await audit(page, theme, hash)));
        expect(found).toEqual([]);
      }, 120_000);
  });

  it('signs in, opens a transaction and takes a payment with the keyboard only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(consoleUrl());
    await expect.poll(() => page.getByLabel('Email').isVisible(), { timeout: 15_000 }).toBe(true);
    await tabTo(page, /^Email/);
    await page.keyboard.type(DEMO.lakeside.admin.email);
    await tabTo(page, /^Password/);
    await page.keyboard.type(DEMO.lakeside.admin.password);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByText(DEMO.lakeside.admin.email).first().isVisible(), { timeout: 15_000 })
      .toBe(true);

    // The menu, then a row of the list: each reached with Tab and opened with Enter.
    await tabTo(page, /^Transactions$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('#/transactions');
    const rows = page.locator('tr.RaDataTable-clickableRow');
    await expect.poll(() => rows.first().isVisible(), { timeout: 15_000 }).toBe(true);
    const row = await tabTo(page, 'css=tr.RaDataTable-clickableRow', { max: 120 });
    // The row's Transaction ID (shortened in the list), shown in full on the page it opens.
    const shortId = /([0-9A-F]{8,})…/.exec(row.name)?.[1];
    expect(shortId, row.name).toBeDefined();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/transactions\/[^/]+\/show/);
    await expect
      .poll(
        () =>
          page
            .getByText(new RegExp(`^${shortId}[0-9A-F]*$`))
            .first()
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);

    // Take a payment: the menu, the list's action, the form (selects open with the arrow keys).
    await tabTo(page, /^Payment page links$/, { back: true, max: 120 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('#/sso-tokens');
    // The list renders after the route changes: tab only once its action is on the page.
    await expect
      .poll(
        () =>
          page
            .getByText(/^Take a payment$/)
            .first()
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
    await tabTo(page, /^Take a payment$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('#/sso-tokens/create');
    // The select replaces its loading placeholder once the merchants are in: wait for it.
    await expect.poll(() => page.getByRole('combobox', { name: /^Merchant/ }).isVisible()).toBe(true);
    await tabTo(page, /^Merchant/);
    expect((await focused(page, '[role=combobox]')).matches).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('listbox').isVisible()).toBe(true);
    // Type-ahead to the practice's main merchant (a space would pick the focused option).
    await page.keyboard.type('Lakeside');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
    await expect.poll(() => page.getByRole('combobox', { name: /^Outlet/ }).isDisabled()).toBe(false);
    await tabTo(page, /^Outlet/);
    expect((await focused(page, '[role=combobox]')).matches).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('option', { name: /^001\/002/ }).isVisible()).toBe(true);
    await page.keyboard.press('Enter'); // the first outlet offered
    await tabTo(page, /^Amount \(USD\)/);
    await page.keyboard.type('16.20');
    await tabTo(page, /^Patient last name/);
    await page.keyboard.type('Keyes');
    const opened = context.waitForEvent('page', { timeout: 15_000 });
    await page.keyboard.press('Enter');
    const tab = await opened;
    await tab.waitForLoadState();
    await expect.poll(() => tab.getByText('16.20').first().isVisible()).toBe(true);

    await tabTo(tab, /^Card number/);
    await tab.keyboard.type(CARDS.visa);
    await tabTo(tab, /^Expiration/);
    await tab.keyboard.type(FUTURE);
    await tabTo(tab, /^Security code/);
    await tab.keyboard.type('123');
    await tabTo(tab, /^Name on card/);
    await tab.keyboard.type('Kay Keyes');
    await tab.keyboard.press('Enter');
    await expect.poll(() => tab.getByText('Payment approved').isVisible(), { timeout: 15_000 }).toBe(true);

    // Back in the console, the dialog's Done closes with the keyboard too.
    await page.bringToFront();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await tabTo(page, /^Done$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await context.close();
  }, 90_000);
});
