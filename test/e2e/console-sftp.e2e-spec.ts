import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { as, call, DEMO } from './client';

const visible = (page: Page, text: string | RegExp, timeout = 15_000) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout }).toBe(true);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.resolve(__dirname, `../../tmp/console-${name}.png`), fullPage: true });

const open = (page: Page, route: string) => page.goto(`${inject('apiUrl')}/console/#${route}`);

async function signIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${inject('apiUrl')}/console/`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await visible(page, who.email);
  return page;
}

describe('console: SFTP accounts and inbound batch files (Chromium)', () => {
  let browser: Browser;
  let db: pg.Client;
  let dir: string;
  let weakKey: { line: string; fingerprint: string };
  let strongKey: { line: string; fingerprint: string };
  const username = `console-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    browser = await launchChromium();
    db = new pg.Client({ connectionString: inject('databaseUrl') });
    await db.connect();
    dir = mkdtempSync(path.join(tmpdir(), 'console-sftp-'));
    const file = path.join(dir, 'legacy');
    execFileSync('ssh-keygen', ['-q', '-N', '', '-t', 'rsa', '-b', '1024', '-C', 'legacy-pms', '-f', file]);
    const read = (f: string) => ({
      line: readFileSync(`${f}.pub`, 'utf8').trim(),
      fingerprint: execFileSync('ssh-keygen', ['-lf', `${f}.pub`], { encoding: 'utf8' }).split(' ')[1],
    });
    weakKey = read(file);
    const strong = path.join(dir, 'modern');
    execFileSync('ssh-keygen', ['-q', '-N', '', '-t', 'ed25519', '-C', 'modern-pms', '-f', strong]);
    strongKey = read(strong);
  });
  afterAll(async () => {
    await browser?.close();
    await db.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a practice admin creates an account with a 1024-bit key and sees it flagged weak', async () => {
    const page = await signIn(browser, DEMO.lakeside.admin);
    await page.getByRole('menuitem', { name: 'SFTP accounts' }).click();
    await expect.poll(() => page.url()).toContain('#/sftp-accounts');
    await open(page, '/sftp-accounts/create');
    await page.getByLabel('Username').fill(username);
    const merchants = page.getByRole('combobox', { name: 'Merchants' });
    await merchants.click();
    await merchants.fill(DEMO.lakeside.merchantId);
    // Until the search for what was typed answers, the list shows the first page of merchants,
    // then re-renders with the results: a click in between lands on whatever option moved under
    // the pointer. Wait for the searched list (every option matches), then pick from it.
    const options = page.getByRole('option');
    const matching = page.getByRole('option', { name: new RegExp(DEMO.lakeside.merchantId) });
    await expect
      .poll(
        async () => ((await matching.count()) > 0 ? (await options.count()) - (await matching.count()) : -1),
        {
          timeout: 15_000,
        },
      )
      .toBe(0);
    await matching.first().click();
    await expect
      .poll(() => page.locator('.MuiChip-label', { hasText: DEMO.lakeside.merchantId }).count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await page.getByLabel('Password', { exact: true }).fill('a-console-password-1');
    await page.getByLabel('Public keys', { exact: true }).fill(weakKey.line);
    await page.getByRole('button', { name: 'Save' }).click();

    await expect
      .poll(() => page.url(), { timeout: 15_000 })
      .toMatch(/#\/sftp-accounts\/[0-9a-f-]{36}\/show$/);
    const keys = page.getByRole('table', { name: 'Public keys' });
    await expect.poll(() => keys.isVisible(), { timeout: 15_000 }).toBe(true);
    const row = keys.getByRole('row').filter({ hasText: weakKey.fingerprint });
    expect(await row.getByRole('cell', { name: 'RSA', exact: true }).isVisible()).toBe(true);
    expect(await row.getByRole('cell', { name: '1024', exact: true }).isVisible()).toBe(true);
    expect(await row.getByText('Weak', { exact: true }).isVisible()).toBe(true);
    await visible(page, "Conduit's OpenPGP public key");
    expect(await page.getByLabel("Conduit's PGP public key", { exact: true }).textContent()).toContain(
      'BEGIN PGP PUBLIC KEY BLOCK',
    );
    expect(await page.getByRole('button', { name: "Copy Conduit's PGP public key" }).isVisible()).toBe(true);
    await visible(page, 'SFTP (key) port');
    await shot(page, 'sftp-account');

    // Edit: replace the weak key with an Ed25519 one; the password stays as it was.
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/sftp-accounts\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: `Remove key ${weakKey.fingerprint}` }).click();
    await page.getByLabel('Add public keys', { exact: true }).fill(strongKey.line);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/\/show$/);
    // The show page (not the edit form, which has a key table too): it lists the storage used.
    await visible(page, /^0 B of /);
    const edited = page.getByRole('table', { name: 'Public keys' });
    await expect
      .poll(() => edited.getByRole('row').filter({ hasText: strongKey.fingerprint }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await edited.getByRole('row').filter({ hasText: weakKey.fingerprint }).count()).toBe(0);
    expect(await edited.getByText('Weak', { exact: true }).count()).toBe(0);
    expect(await page.getByText('Set', { exact: true }).isVisible()).toBe(true); // the password is kept
    await shot(page, 'sftp-account-edited');

    const listed = await call<{ username: string; hasPassword: boolean; publicKeys: unknown[] }[]>(
      'GET',
      `/admin/api/sftp-accounts?filter=${encodeURIComponent(JSON.stringify({ q: username }))}`,
      { token: await as.lakesideAdmin() },
    );
    expect(listed.body).toEqual([
      expect.objectContaining({
        username,
        hasPassword: true,
        publicKeys: [expect.objectContaining({ algorithm: 'ssh-ed25519', weak: false, bits: 256 })],
      }),
    ]);
    await page.close();
  }, 60_000);

  it('lists an inbound file of the account with its status, counts and per-record results', async () => {
    // Its own account (made through the API), so this test stands alone.
    const made = await call<{ id: string; organizationId: string }>('POST', '/admin/api/sftp-accounts', {
      token: await as.lakesideAdmin(),
      body: {
        username: `${username}-files`,
        merchantIds: [DEMO.lakeside.merchantId],
        publicKeys: [weakKey.line],
      },
    });
    expect(made.status, made.text).toBe(201);
    const account = made.body;
    // No gateway runs in this stack: the row the worker would write after processing an upload.
    const id = randomUUID();
    const name = `payments-${id.slice(0, 8)}.txt`;
    await db.query(
      `INSERT INTO batch_files (id, organization_id, account_ref, direction, kind, name, status, record_count,
         accepted_count, rejected_count, size, processed_at)
       VALUES ($1, $2, $3, 'INBOUND', 'IMPORT', $4, 'PROCESSED', 3, 2, 1, 420, now())`,
      [id, account.organizationId, account.id, name],
    );
    for (const [line, result, error] of [
      [1, 'A', ''],
      [2, 'R', 'PaymentMethodID is not a stored card of this merchant'],
      [3, 'A', ''],
    ] as const)
      await db.query(
        `INSERT INTO batch_file_records (batch_file_ref, line, external_id, merchant_id, action, amount_cents, result,
           response_code, response_message, error_text) VALUES ($1, $2, $3, $4, 'Sale', 2500, $5, $6, $7, $8)`,
        [
          id,
          line,
          `EXT-${line}`,
          DEMO.lakeside.merchantId,
          result,
          result === 'A' ? '000' : '102',
          result === 'A' ? 'Approved' : 'Invalid payment method',
          error,
        ],
      );

    const page = await signIn(browser, DEMO.lakeside.finance);
    await open(page, `/batch-files?filter=${encodeURIComponent(JSON.stringify({ direction: 'INBOUND' }))}`);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect.poll(() => row.first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await row.first().getByText('Processed', { exact: true }).isVisible()).toBe(true);
    expect(await row.first().getByText('Payment import').isVisible()).toBe(true);
    expect(await row.first().getByText(`${username}-files`).isVisible()).toBe(true);
    expect(await row.first().getByText('2 accepted · 1 rejected').isVisible()).toBe(true);
    await shot(page, 'inbound-files');

    await row.first().getByText(name).click();
    await expect.poll(() => page.url()).toContain(`/batch-files/${id.replace(/-/g, '').toUpperCase()}/show`);
    const records = page.getByRole('region', { name: 'Record results' });
    const rejected = records.getByRole('row').filter({ hasText: 'EXT-2' });
    await expect.poll(() => rejected.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await records.getByRole('row').count()).toBe(4); // the header and three records
    expect(await rejected.getByText('Rejected', { exact: true }).isVisible()).toBe(true);
    expect(
      await rejected.getByText('PaymentMethodID is not a stored card of this merchant').isVisible(),
    ).toBe(true);
    expect(
      await records.getByRole('row').filter({ hasText: 'EXT-1' }).getByText('Accepted').isVisible(),
    ).toBe(true);
    await shot(page, 'inbound-file');
    await page.close();
  }, 60_000);
});
