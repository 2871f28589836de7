import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { luhnValid } from '@conduit/domain';
import { DEMO } from '../e2e/client';
import { CARDS } from '../e2e/payments-client';
import { EMV_UNPREDICTABLE_NUMBER } from '../support/emv';
import { ARTIFACTS, E2E_OUT } from '../setup/artifacts';

const LOGS = path.join(E2E_OUT, 'e2e-logs');
const ACCOUNT_NUMBERS = ['123456789', '000123456789'];

/** Numbers of card length that are not cards: the demo merchant IDs. */
const NOT_CARDS = new Set<string>([DEMO.lakeside.merchantId, DEMO.harbor.merchantId]);
const DEMO_PASSWORDS = [
  DEMO.ops.password,
  DEMO.lakeside.admin.password,
  DEMO.lakeside.finance.password,
  DEMO.lakeside.account.password,
  DEMO.lakeside.sftp.password,
  DEMO.harbor.admin.password,
  DEMO.partner.developer.password,
];

/**
 * What no log line may carry, each a test over every line: a name, and what it found in a line
 * (nothing = clean). The formats are the ones `libs/crypto` issues.
 */
const FORBIDDEN: [string, (line: string) => string[]][] = [
  [
    'card number (Luhn-valid 13–19 digit run, or a test card)',
    (line) => [
      ...(line.match(/(?<!\d)\d{13,19}(?!\d)/g) ?? []).filter((d) => luhnValid(d) && !NOT_CARDS.has(d)),
      ...Object.values(CARDS).filter((pan) => line.includes(pan)),
    ],
  ],
  [
    // Single sign-on and console session tokens: 32 random bytes in base64url (43 characters).
    // An SSH host key fingerprint (`SHA256:` and 43 characters of a public key's hash) is not one.
    'SSO or session token',
    (line) =>
      (line.match(/(?<![A-Za-z0-9_-])(?<!SHA256:)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g) ?? []).filter(
        (t) => /\d/.test(t) && /[A-Za-z]/.test(t),
      ),
  ],
  ['API secret (sk_test_… / sk_live_…)', (line) => line.match(/\bsk_(?:test|live)_[A-Za-z0-9_-]+/g) ?? []],
  ['demo password', (line) => DEMO_PASSWORDS.filter((p) => line.includes(p))],
  ['query string', (line) => line.match(/\/[^\s"?]*\?[^\s"]*=[^\s"]*/g) ?? []],
];

const logFiles = existsSync(LOGS) ? readdirSync(LOGS).map((f) => path.join(LOGS, f)) : [];

/** After the e2e run: no test card number (or eCheck account number) anywhere in clear. */
describe('card data never stored or logged in clear', () => {
  const sources: [string, string][] = [
    ['database dump', path.join(ARTIFACTS, 'database.jsonl')],
    ['Redis (queues and caches)', path.join(ARTIFACTS, 'redis.txt')],
    ...logFiles.map((f): [string, string] => [`log ${path.basename(f)}`, f]),
  ];

  it('has the e2e artifacts to search', () => {
    for (const [, file] of sources) expect(existsSync(file), file).toBe(true);
    expect(readFileSync(path.join(ARTIFACTS, 'database.jsonl'), 'utf8')).toMatch(/^transactions\t/m);
  });

  it.each(sources)('finds no card number in the %s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const found = Object.values(CARDS).filter((pan) => text.includes(pan));
    expect(found).toEqual([]);
  });

  it.each(sources)('finds no chip data (TLV) in the %s', (_name, file) => {
    // Every chip read of the e2e run carries this unpredictable number as tag 9F37.
    expect(readFileSync(file, 'utf8')).not.toContain(`9F3704${EMV_UNPREDICTABLE_NUMBER}`);
  });

  it('finds no eCheck account number in the database dump', () => {
    const text = readFileSync(path.join(ARTIFACTS, 'database.jsonl'), 'utf8');
    expect(ACCOUNT_NUMBERS.filter((n) => new RegExp(`"${n}"`).test(text))).toEqual([]);
  });
});

/** Every line the api and worker logged during the e2e run, searched for anything secret. */
describe('logs carry no secrets, card numbers or query strings', () => {
  it('has the api and worker logs, with requests in them', () => {
    const names = logFiles.map((f) => path.basename(f));
    expect(names).toEqual(expect.arrayContaining(['api.log', 'worker.log']));
    expect(readFileSync(path.join(LOGS, 'api.log'), 'utf8')).toMatch(/"msg":"request"/);
  });

  it.each(FORBIDDEN)('no log line has a %s', (_name, find) => {
    const hits: string[] = [];
    for (const file of logFiles)
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const found = find(line);
          if (found.length) hits.push(`${path.basename(file)}:${i + 1}: ${found.join(', ')}`);
        });
    expect(hits.slice(0, 20)).toEqual([]);
  });
});
