import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { as, call } from './client';
import { CARDS, FUTURE, LAKESIDE_NVP } from './payments-client';

const api = () => inject('apiUrl');

/** A vendor portal on its own origin that frames whatever page URL it is given. */
async function portal(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><title>Portal</title><h1>Portal</h1><iframe title="payment" src="${src.replace(/"/g, '&quot;')}" width="400" height="700"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

async function framed(page: Page, portalOrigin: string, pageUrl: string): Promise<Frame> {
  await page.goto(`${portalOrigin}/?src=${encodeURIComponent(pageUrl)}`);
  await page.waitForLoadState('load');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('no iframe');
  return frame;
}

/** The merchant's allowedFrameOrigins become the page's frame-ancestors, in a real browser. */
describe('hosted page in an iframe (Playwright)', () => {
  let browser: Browser;
  const portals: Awaited<ReturnType<typeof portal>>[] = [];
  let merchantId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    portals.push(await portal(), await portal());
    const admin = await as.lakesideAdmin();
    merchantId = `60118${String(Date.now()).slice(-8)}`;
    await call('POST', '/admin/api/merchants', { token: admin, body: { merchantId, name: 'Portal clinic' } });
    await call('POST', '/admin/api/outlets', {
      token: admin,
      body: { merchantId, storeId: '001', terminalId: '001', name: 'Web' },
    });
    const set = await call('PUT', `/admin/api/merchants/${merchantId}`, {
      token: admin,
      body: { allowedFrameOrigins: [portals[0].origin] },
    });
    expect(set.status, set.text).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    for (const p of portals) await p.close();
  });

  async function pageUrl() {
    const res = await fetch(`${api()}/sso`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LAKESIDE_NVP },
      body: new URLSearchParams({
        merchantID: merchantId,
        storeID: '001',
        terminalID: '001',
        amount: '9.00',
        responseActionType: 'header',
      }).toString(),
    });
    const fields = Object.fromEntries(new URLSearchParams(await res.text()));
    expect(fields.respCode, JSON.stringify(fields)).toBe('000');
    return fields.pageURL.replace(/^https?:\/\/[^/]+/, api());
  }

  it('opens inside an allowed origin and can be paid there', async () => {
    const page = await browser.newPage();
    const frame = await framed(page, portals[0].origin, await pageUrl());
    await expect.poll(() => frame.getByLabel('Card number').isVisible(), { timeout: 10_000 }).toBe(true);
    await frame.getByLabel('Card number').fill(CARDS.visa);
    await frame.getByLabel('Expiration (MM/YY)').fill(FUTURE);
    await frame.getByLabel('Name on card').fill('Pat Doe');
    await frame.getByRole('button', { name: 'Pay' }).click();
    await expect.poll(() => frame.getByText('Payment approved').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.close();
  });

  it('is refused by the browser inside any other origin', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/i.test(m.text())) blocked.push(m.text());
    });
    const frame = await framed(page, portals[1].origin, await pageUrl());
    await expect.poll(() => blocked.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await frame.getByLabel('Card number').count()).toBe(0);
    await page.close();
  });
});
