import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { DEMO } from './client';

/** The console in Debian's Chromium, as a practice administrator would use it. */
describe('console (Playwright, system Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('signs in, shows the organization, and opens the merchants list', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    // The console runs under a strict CSP (decision 0016): Chromium reports each refusal here.
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${inject('apiUrl')}/console/`);
    await page.getByLabel('Email').fill(DEMO.lakeside.admin.email);
    await page.getByLabel('Password').fill(DEMO.lakeside.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByText('Lakeside Clinic').first().isVisible(), { timeout: 15_000 })
      .toBe(true);
    // The dashboard reads today's summary from the API ("—" when it could not).
    await expect
      .poll(() => page.getByTestId('today-count').textContent(), { timeout: 15_000 })
      .toMatch(/^\d[\d,]*$/);
    await page.getByRole('menuitem', { name: 'Merchants' }).click();
    await expect
      .poll(() => page.getByText(DEMO.lakeside.merchantId).first().isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await page.getByText(DEMO.harbor.merchantId).count()).toBe(0);
    await page.screenshot({ path: path.resolve(__dirname, '../../tmp/console-merchants.png') });
    expect(refused).toEqual([]);
    await page.close();
  });

  it('shows developers the references and sample requests, with working WSDL links', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${inject('apiUrl')}/console/`);
    await page.getByLabel('Email').fill(DEMO.partner.developer.email);
    await page.getByLabel('Password').fill(DEMO.partner.developer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Developers' }).click();
    const link = page.getByRole('link', { name: 'Payment service WSDL (SOAP 1.1 and 1.2)' });
    await expect.poll(() => link.isVisible(), { timeout: 15_000 }).toBe(true);
    const href = (await link.getAttribute('href')) as string;
    const wsdl = await fetch(href.replace(/^https?:\/\/[^/]+/, inject('apiUrl')));
    expect(await wsdl.text()).toContain('<wsdl:definitions');
    await expect.poll(() => page.getByText('SOAP 1.1 sale').isVisible()).toBe(true);
    await page.close();
  });

  it('refuses a wrong password on the login page', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('apiUrl')}/console/`);
    await page.getByLabel('Email').fill(DEMO.harbor.admin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(
        () =>
          page
            .getByText(/incorrect/i)
            .first()
            .isVisible(),
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.close();
  });
});
