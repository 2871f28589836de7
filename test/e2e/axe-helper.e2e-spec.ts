import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from '../support/axe';
import { launchChromium } from '../support/browser';

/** The accessibility checks are only as good as their helper: it must fail, and say why. */
describe('axe helper (test/support/axe.ts)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('fails listing every serious or critical violation with its rule, target and summary', async () => {
    // A page of a context: axe finishes its run in a second page of the same context.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body><main>
      <h1>Broken on purpose</h1>
      <p id="faint" style="color:#bbbbbb;background:#ffffff">Too faint to read</p>
      <img id="unnamed" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <input id="unlabelled" type="text">
    </main></body></html>`);
    const failure = await expectAccessible(page, 'broken page').then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain('broken page: 3 serious or critical accessibility violation(s)');
    expect(failure).toMatch(/color-contrast \[serious\] #faint: .*insufficient color contrast/);
    expect(failure).toMatch(/image-alt \[critical\] #unnamed: /);
    expect(failure).toMatch(/label \[critical\] #unlabelled: /);

    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title></head><body><main>
      <h1>Fine</h1><label for="name">Name</label><input id="name" type="text"></main></body></html>`);
    await expect(expectAccessible(page, 'fine page')).resolves.toBeUndefined();
    await context.close();
  });
});
