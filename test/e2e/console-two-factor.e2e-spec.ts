import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { codeAt } from '@conduit/tenancy';
import { launchChromium } from '../support/browser';
import { as, call } from './client';

const PASSWORD = 'twelve chars or more';
const visible = (page: Page, text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 15_000 }).toBe(true);

/** A platform admin without two-factor, in the browser: forced to enrol, then asked for codes. */
describe('console two-factor sign-in (Playwright, system Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('walks a platform admin through enrolment, then asks for a code at the next sign-in', async () => {
    const email = `console-tf-${randomUUID().slice(0, 8)}@conduit.test`;
    const created = await call('POST', '/admin/api/users', {
      token: await as.ops(),
      body: { email, role: 'PLATFORM_ADMIN', password: PASSWORD },
    });
    expect(created.status).toBe(201);

    const signIn = async (page: Page) => {
      await page.goto(`${inject('apiUrl')}/console/`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };

    const first = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(first);
    await visible(first, 'Your account must use two-factor sign-in. Set it up now to continue.');
    await expect.poll(() => first.getByAltText(/QR code/).isVisible(), { timeout: 15_000 }).toBe(true);
    const secret = (await first
      .getByText(/^[A-Z2-7]{32}$/)
      .first()
      .textContent())!;
    // Kept, not recomputed: the replay below must be this very code even when a 30 s step has
    // ended meanwhile (codeAt(secret) then is a new, valid code, and no error would show).
    const enrolmentCode = codeAt(secret);
    await first.getByLabel('6-digit code from the app').fill(enrolmentCode);
    await first.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await visible(first, 'Save these recovery codes somewhere safe');
    expect(await first.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await first.getByRole('button', { name: 'I have saved them' }).click();
    await expect
      .poll(() => first.getByRole('menuitem', { name: 'Organizations' }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    await first.close();

    const second = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(second);
    const codeField = second.getByLabel('Code from your authenticator app, or a recovery code');
    await expect.poll(() => codeField.isVisible(), { timeout: 15_000 }).toBe(true);
    await codeField.fill(enrolmentCode); // the code that confirmed the enrolment: a replay
    await second.getByRole('button', { name: 'Verify' }).click();
    await visible(second, 'That code is not right, or was already used.');
    await codeField.fill(codeAt(secret, Date.now() + 30_000));
    await second.getByRole('button', { name: 'Verify' }).click();
    await expect
      .poll(() => second.getByRole('menuitem', { name: 'Organizations' }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    await second.goto(`${inject('apiUrl')}/console/#/two-factor`);
    await expect
      .poll(() => second.getByTestId('two-factor-state').textContent(), { timeout: 15_000 })
      .toBe('On');
    await visible(second, 'Your account must use it.');
    await second.close();
  });
});
