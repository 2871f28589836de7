import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARDS } from '../e2e/payments-client';
import { ARTIFACTS } from '../setup/artifacts';

const LOGS = path.resolve(__dirname, '../../tmp/e2e-logs');
const ACCOUNT_NUMBERS = ['123456789', '000123456789'];

/** After the e2e run: no test card number (or eCheck account number) anywhere in clear. */
describe('card data never stored or logged in clear', () => {
  const sources: [string, string][] = [
    ['database dump', path.join(ARTIFACTS, 'database.jsonl')],
    ['Redis (queues and caches)', path.join(ARTIFACTS, 'redis.txt')],
    ...(existsSync(LOGS)
      ? readdirSync(LOGS).map((f): [string, string] => [`log ${f}`, path.join(LOGS, f)])
      : []),
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

  it('finds no eCheck account number in the database dump', () => {
    const text = readFileSync(path.join(ARTIFACTS, 'database.jsonl'), 'utf8');
    expect(ACCOUNT_NUMBERS.filter((n) => new RegExp(`"${n}"`).test(text))).toEqual([]);
  });
});
