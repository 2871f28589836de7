import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { launchChromium } from '../support/browser';
import { as, call, DEMO } from './client';
import { chipSaleOn, keyedSaleOn, scannedCheckSaleOn } from './console-devices-client';
import { RawTerminal } from './terminal-client';
import { freshMerchant } from './webhooks-client';

/** The page's globals used in `evaluate` below (the test program is compiled without the DOM lib). */
interface ImageElement {
  complete: boolean;
  naturalWidth: number;
}

const consoleUrl = (hash = '') => `${inject('apiUrl')}/console/#/${hash}`;
const shot = (name: string) => path.resolve(__dirname, `../../tmp/${name}.png`);
const visible = (page: Page, text: string | RegExp, timeout = 15_000) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);

async function signIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(consoleUrl());
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByText(who.email).first().isVisible(), { timeout: 15_000 }).toBe(true);
  return page;
}

interface Paired {
  TerminalDeviceID: string;
  DeviceSecret: string;
  Outlet: { MerchantID: string; StoreID: string; TerminalID: string };
  ConnectURL: string;
}

/** The device's side of pairing (contracts C.1): no Api-Key, only the code from the console. */
async function pair(code: string): Promise<Paired> {
  const r = await call<Paired>('POST', '/rest/terminals/pair', {
    body: {
      PairingCode: code,
      Model: 'Conduit Sim T1',
      SerialNumber: 'SIM-0042',
      Firmware: '1.0.0',
      Capabilities: ['chip', 'contactless', 'swipe', 'keyed', 'pin'],
    },
  });
  expect(r.status, r.text).toBe(200);
  return r.body;
}

/** Holds the terminal's connection open as a device does, answering pings (contracts C.2). */
async function connect(device: Paired): Promise<RawTerminal> {
  const terminal = await RawTerminal.connect(inject('apiUrl'), device.TerminalDeviceID, device.DeviceSecret);
  expect(await terminal.next('hello')).toMatchObject({
    type: 'hello',
    terminalDeviceId: device.TerminalDeviceID,
  });
  return terminal;
}

/** The list's row of the terminal labelled `label`. */
const rowOf = (page: Page, label: string) => page.getByRole('row').filter({ hasText: label });

/**
 * Issue 15 in the console: a practice admin pairs a terminal with a one-time code and sees it
 * online; finance sees terminals but cannot manage them; a chip sale's page shows the receipt
 * fields and an eCheck's page the scanned check.
 */
describe('console: terminals, chip receipts and check images (Playwright, system Chromium)', () => {
  let browser: Browser;
  let merchantId: string;
  let merchantName: string;
  const label = `Front desk ${Date.now() % 100_000}`;

  beforeAll(async () => {
    browser = await launchChromium();
    const admin = await as.lakesideAdmin();
    merchantId = await freshMerchant(admin);
    const m = await call<{ name: string }>('GET', `/admin/api/merchants/${merchantId}`, { token: admin });
    merchantName = m.body.name;
  });
  afterAll(() => browser?.close());

  it('creates a terminal, shows its code once, pairs it and lists it Paired and Online, then Offline', async () => {
    const page = await signIn(browser, DEMO.lakeside.admin);
    await page.getByRole('menuitem', { name: 'Terminals' }).click();
    await expect.poll(() => page.url()).toContain('#/terminals');
    await page.goto(consoleUrl('terminals/create'));
    const merchant = page.getByRole('combobox', { name: /^Merchant/ });
    await merchant.click();
    await merchant.fill(merchantName);
    await page.getByRole('option', { name: new RegExp(merchantName) }).click();
    await expect.poll(() => page.getByRole('combobox', { name: /^Outlet/ }).isDisabled()).toBe(false);
    await page.getByRole('combobox', { name: /^Outlet/ }).click();
    await page.getByRole('option', { name: /^001\/001/ }).click();
    await page.getByLabel(/^Label/).fill(label);
    await page.getByRole('button', { name: 'Save' }).click();

    // The code, large, with its countdown and a copy button; shown on this page only.
    const codeText = page.getByTestId('pairing-code').locator('span[aria-hidden="true"]');
    await expect.poll(() => codeText.isVisible(), { timeout: 15_000 }).toBe(true);
    const code = (await codeText.textContent()) ?? '';
    expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}$/);
    await expect
      .poll(() => page.getByTestId('pairing-countdown').textContent())
      .toMatch(/^Expires in 1[45]:\d\d$/);
    expect(await page.getByRole('button', { name: 'Copy Pairing code' }).isVisible()).toBe(true);
    await expectAccessible(page, 'the pairing code page');
    await page.screenshot({ path: shot('console-terminal-pairing-code') });

    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/terminals\/[^/]+\/show/);
    await visible(page, 'Waiting for pairing');
    // The code is not on the terminal's page, nor in what the page was answered.
    expect(await page.getByText(code).count()).toBe(0);

    const device = await pair(code);
    expect(device.TerminalDeviceID).toMatch(/^tmd_[0-9a-z]{24}$/);
    expect(device.Outlet).toEqual({ MerchantID: merchantId, StoreID: '001', TerminalID: '001' });
    // A code works once.
    const again = await call('POST', '/rest/terminals/pair', {
      body: { PairingCode: code, Model: 'x', SerialNumber: 'y', Firmware: '1', Capabilities: [] },
    });
    expect(again.status, again.text).toBe(401);

    const socket = await connect(device);
    const filter = encodeURIComponent(JSON.stringify({ merchantId }));
    await page.goto(consoleUrl(`terminals?filter=${filter}`));
    const row = rowOf(page, label);
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    // The list asks again every 10 s: the terminal turns Paired and Online without a reload.
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toMatch(/Paired.*Online/);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Conduit Sim T1');
    expect(text).toContain(`${merchantId} · 001/001`);
    // Last seen: relative, and absolute in the merchant's zone.
    expect(await row.getByTestId('terminal-last-seen').textContent()).toMatch(/now|second|minute/);
    expect(await row.locator('[data-time-zone]').count()).toBe(1);
    await expectAccessible(page, 'the terminals list with an online terminal');
    await page.screenshot({ path: shot('console-terminals-online') });

    socket.close();
    await expect.poll(() => row.textContent(), { timeout: 60_000 }).toMatch(/Offline/);
    expect(await row.textContent()).not.toMatch(/Online/);
    await page.context().close();
  }, 150_000);

  it('issues a new pairing code and revokes the terminal, each after a confirmation', async () => {
    const page = await signIn(browser, DEMO.lakeside.admin);
    const filter = encodeURIComponent(JSON.stringify({ merchantId }));
    await page.goto(consoleUrl(`terminals?filter=${filter}`));
    const row = rowOf(page, label);
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    await row.click();
    await expect.poll(() => page.url()).toMatch(/#\/terminals\/[^/]+\/show/);

    await page.getByRole('button', { name: 'New pairing code' }).click();
    await visible(page, 'Issue a new pairing code?');
    await page.getByRole('button', { name: 'Issue code' }).click();
    const codeText = page.getByRole('dialog').getByTestId('pairing-code').locator('span[aria-hidden="true"]');
    await expect.poll(() => codeText.isVisible(), { timeout: 15_000 }).toBe(true);
    const code = (await codeText.textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expectAccessible(page, 'the new pairing code dialog');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Waiting for pairing');

    await page.getByRole('button', { name: 'Revoke' }).click();
    await visible(page, 'Revoke this terminal?');
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await visible(page, 'Terminal revoked');
    await visible(page, 'Revoked');
    await expect.poll(() => page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    // The revoked terminal's code is dead too.
    const late = await call('POST', '/rest/terminals/pair', {
      body: { PairingCode: code, Model: 'x', SerialNumber: 'y', Firmware: '1', Capabilities: [] },
    });
    expect(late.status, late.text).toBe(401);
    await page.context().close();
  }, 90_000);

  it('lists terminals to finance without create, pairing-code or revoke buttons', async () => {
    const admin = await as.lakesideAdmin();
    const outlets = await call<{ id: string; storeId: string }[]>(
      'GET',
      `/admin/api/outlets?filter=${encodeURIComponent(JSON.stringify({ merchantId: DEMO.lakeside.merchantId }))}`,
      { token: admin },
    );
    expect(outlets.status, outlets.text).toBe(200);
    const financeLabel = `Billing office ${Date.now() % 100_000}`;
    const created = await call<{ id: string }>('POST', '/admin/api/terminals', {
      token: admin,
      body: { outletId: outlets.body[0].id, label: financeLabel },
    });
    expect(created.status, created.text).toBe(201);

    const page = await signIn(browser, DEMO.lakeside.finance);
    await page.getByRole('menuitem', { name: 'Terminals' }).click();
    const row = rowOf(page, financeLabel);
    await expect.poll(() => row.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await row.textContent()).toMatch(/Waiting for pairing.*Offline/);
    expect(await page.getByRole('link', { name: /^Create/ }).count()).toBe(0);
    await row.click();
    await expect.poll(() => page.url()).toContain(`#/terminals/${created.body.id}/show`);
    await visible(page, financeLabel);
    expect(await page.getByRole('button', { name: 'New pairing code' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    // The create form is not theirs either, and the API agrees.
    const refused = await call('POST', '/admin/api/terminals', {
      token: await as.lakesideFinance(),
      body: { outletId: outlets.body[0].id, label: 'Not mine to add' },
    });
    expect(refused.status, refused.text).toBe(403);
    await page.context().close();
  }, 90_000);

  it("shows a chip sale's receipt fields on its transaction page", async () => {
    const id = await chipSaleOn(merchantId, { pan: '4761739001010119', amount: '25.00', pin: true });
    const page = await signIn(browser, DEMO.lakeside.admin);
    await page.goto(consoleUrl(`transactions/${id}/show`));
    const receipt = page.getByTestId('chip-receipt');
    await expect.poll(() => receipt.isVisible(), { timeout: 15_000 }).toBe(true);
    const text = (await receipt.textContent()) ?? '';
    for (const expected of ['Chip', 'VISA DEBIT', 'A0000000031010', '0000008000', 'E800', 'PIN verified'])
      expect(text, expected).toContain(expected);
    expect(text).toMatch(/ARQC|TC/);
    // Never card data: neither the card number nor the chip's TLV.
    expect(await page.getByText('4761739001010119').count()).toBe(0);
    await expectAccessible(page, 'a chip sale');
    await page.screenshot({ path: shot('console-chip-receipt') });

    // A keyed sale (of this test's own merchant) has no chip receipt.
    const keyed = await keyedSaleOn(merchantId);
    await page.goto(consoleUrl(`transactions/${keyed}/show`));
    await visible(page, 'Summary');
    expect(await page.getByTestId('chip-receipt').count()).toBe(0);
    await page.context().close();
  }, 90_000);

  it("shows an eCheck's scanned images as thumbnails that open larger, by mouse and keyboard", async () => {
    const id = await scannedCheckSaleOn(merchantId);
    const page = await signIn(browser, DEMO.lakeside.admin);
    await page.goto(consoleUrl(`transactions/${id}/show`));
    const front = page.getByTestId('check-image-front');
    await expect.poll(() => front.isVisible(), { timeout: 15_000 }).toBe(true);
    // Each side is fetched on its own and shows when its image has arrived: wait for the back too.
    await expect.poll(() => page.getByTestId('check-image-back').isVisible(), { timeout: 15_000 }).toBe(true);
    const image = front.locator('img');
    expect(await image.getAttribute('alt')).toBe('Front of check 1042 (opens a larger view)');
    await expect.poll(() => image.evaluate((img) => (img as unknown as ImageElement).naturalWidth)).toBe(400);
    await expectAccessible(page, 'an eCheck with images');

    await front.click();
    const large = page.getByRole('dialog').getByTestId('check-image-large');
    await expect.poll(() => large.isVisible()).toBe(true);
    expect(await large.getAttribute('alt')).toBe('Front of check 1042');
    await page.screenshot({ path: shot('console-check-image') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // The keyboard: the back thumbnail takes focus and Enter opens it.
    await page.getByTestId('check-image-back').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('dialog').getByTestId('check-image-large').getAttribute('alt'))
      .toBe('Back of check 1042');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Each view was audited on the server.
    const audit = await call<{ action: string }[]>(
      'GET',
      `/admin/api/audit-log?range=[0,50]&sort=${encodeURIComponent(JSON.stringify(['createdAt', 'DESC']))}`,
      { token: await as.lakesideAdmin() },
    );
    expect(audit.status, audit.text).toBe(200);
    expect(audit.text).toMatch(/check.?image/i);
    await page.context().close();
  }, 90_000);
});
