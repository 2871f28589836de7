import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DEMO } from './client';
import { CARDS, LAKESIDE_NVP } from './payments-client';

const API_LOG = path.resolve(__dirname, '../../tmp/e2e-logs/api.log');
const PAN = CARDS.visa;

/** The api's log lines for one request (found by its correlation ID), once both have been written. */
async function logLines(correlationId: string, count = 2): Promise<string[]> {
  let lines: string[] = [];
  await expect
    .poll(
      () => {
        lines = readFileSync(API_LOG, 'utf8')
          .split('\n')
          .filter((l) => l.includes(correlationId));
        return lines.length;
      },
      { timeout: 5000 },
    )
    .toBeGreaterThanOrEqual(count);
  return lines;
}

async function get(pathAndQuery: string, headers: Record<string, string> = {}) {
  const correlationId = randomUUID();
  const res = await fetch(`${inject('apiUrl')}${pathAndQuery}`, {
    headers: { 'x-correlation-id': correlationId, ...headers },
  });
  return { res, text: await res.text(), correlationId };
}

const query = `merchantID=${DEMO.lakeside.merchantId}&transactionAction=Sale&cardNumber=${PAN}&cardExpiration=12/30`;

/** Issue 10 item 9: an unrouted request's URL (and its query) is neither answered nor logged. */
describe('no answer echoes the URL; no log line has a query string, a card number or a token', () => {
  it.each([
    ['NVP', `/payment/NVP.aspx?${query}`, /^errorCode=404&errorMessage=/],
    ['NVP alias', `/nvp?${query}`, /^errorCode=404&/],
    ['REST', `/rest/payment/sale?CardNumber=${PAN}`, /"ErrorCode":404/],
    ['REST (unknown path)', `/rest/nothing-here?CardNumber=${PAN}`, /"ErrorCode":404/],
    ['SOAP', `/payment/nothing.asmx?cardNumber=${PAN}`, /<faultstring>/],
    ['admin API', `/admin/api/nothing?cardNumber=${PAN}`, /"statusCode":404/],
  ])('%s: GET with a card number in the query', async (_name, url, shape) => {
    const { res, text, correlationId } = await get(url, { authorization: LAKESIDE_NVP });
    expect(res.status).toBe(url.includes('.asmx') ? 500 : 404);
    expect(text).toMatch(shape);
    expect(text).not.toContain(PAN);
    expect(text).not.toMatch(/cardNumber|NVP\.aspx|nothing|payment\/sale|\?\w+=/i);
    const lines = await logLines(correlationId);
    expect(lines.join('\n')).toMatch(/"msg":"request refused"/);
    for (const line of lines) {
      expect(line).not.toContain(PAN);
      expect(line).not.toContain('?');
    }
  });

  it('masks a single sign-on token in the path in the error log as in the access log', async () => {
    const token = 'Zm9vYmFyLXRoaXMtaXMtbm90LWEtcmVhbC10b2tlbjE';
    const { res, correlationId } = await get(`/rest/sso/token/${token}/status`, {
      'api-key': 'ak_test_lakeside',
      'api-secret': 'sk_test_lakeside',
    });
    expect(res.status).toBe(404);
    const lines = await logLines(correlationId);
    expect(lines.join('\n')).toMatch(/"msg":"request refused"/);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).toContain('/rest/sso/token/[REDACTED]/status');
    }
  });
});
