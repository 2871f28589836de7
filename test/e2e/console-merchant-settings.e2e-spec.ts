import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { as, call, DEMO } from './client';

const visible = (page: Page, text: string | RegExp, timeout = 15_000) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);

/**
 * "Ignore unknown NVP fields" is a compatibility switch, not a risk control: a practice admin
 * turns it on in the merchant form and the show page says so (issue 14).
 */
describe('console: merchant NVP compatibility setting (Chromium)', () => {
  let browser: Browser;
  // A merchant of its own, so the NVP field tests' merchant keeps refusing unknown fields.
  const merchantId = `60120${String(Date.now()).slice(-8)}`;

  beforeAll(async () => {
    browser = await launchChromium();
    const created = await call('POST', '/admin/api/merchants', {
      token: await as.lakesideAdmin(),
      body: { merchantId, name: 'Legacy sender clinic', timeZone: 'America/Chicago' },
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => browser?.close());

  it('lets a practice admin turn on ignoreUnknownNvpFields and shows it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${inject('apiUrl')}/console/`);
    await page.getByLabel('Email').fill(DEMO.lakeside.admin.email);
    await page.getByLabel('Password').fill(DEMO.lakeside.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page, 'Lakeside Clinic');
    await page.goto(`${inject('apiUrl')}/console/#/merchants/${merchantId}`);
    const toggle = page.getByLabel('Ignore unknown NVP fields');
    await expect.poll(() => toggle.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    // The platform's risk controls stay hidden from a practice admin.
    expect(await page.getByLabel('Allow unreferenced refunds').count()).toBe(0);
    await visible(page, 'NVP requests with fields Conduit does not know are accepted instead of refused');
    await toggle.check();
    await page.getByRole('button', { name: 'Save' }).click();
    await visible(page, 'Changes saved');

    const saved = await call<{ ignoreUnknownNvpFields: boolean }>(
      'GET',
      `/admin/api/merchants/${merchantId}`,
      {
        token: await as.lakesideAdmin(),
      },
    );
    expect(saved.body.ignoreUnknownNvpFields).toBe(true);

    await page.goto(`${inject('apiUrl')}/console/#/merchants/${merchantId}/show`);
    await visible(page, 'Ignore unknown NVP fields');
    await page.close();
  });
});
