import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { X12Parser } from 'node-x12';
import { startReceiver, type Receiver } from '../support/webhook-receiver';
import { as, call } from './client';
import { CARDS, expectNvpError, FUTURE, nvp } from './payments-client';
import { createEndpoint, eventually, freshMerchant } from './webhooks-client';

/** A minimal RFC 4180 reader: quoted cells, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const cents = (decimal: string) => {
  const [whole, frac = ''] = decimal.replace('-', '').split('.');
  const n = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return decimal.startsWith('-') ? -n : n;
};

interface Batch {
  settlementBatchId: string;
  status: string;
  netCents: number;
  feeCents: number;
  saleCents: number;
  refundCents: number;
  returnCount: number;
  chargebackCount: number;
  reversalCount: number;
  itemCount: number;
  errorCount: number;
  businessDate: string;
  depositDate: string;
  breakdown: { tender: string; brand: string | null; netCents: number }[];
}

/** settlement.md end to end: settle-now through the admin API, the sandbox's paths, webhooks, files. */
describe('settlement through the admin API', () => {
  let admin: string;
  let finance: string;
  let receiver: Receiver;
  let merchantId: string;

  beforeAll(async () => {
    admin = await as.lakesideAdmin();
    finance = await as.lakesideFinance();
    receiver = await startReceiver();
    merchantId = await freshMerchant(admin);
    await createEndpoint(admin, { merchantId, url: receiver.url('/settle'), format: 'JSON' });
    const on = await call('PUT', `/admin/api/merchants/${merchantId}`, {
      token: admin,
      body: { era835Enabled: true },
    });
    expect(on.status, on.text).toBe(200);
  });
  afterAll(() => receiver.close());

  const outlet = () => ({ merchantID: merchantId, storeID: '001', terminalID: '001' });
  const card = async (amount: string, cardNumber: string = CARDS.visa) => {
    const r = await nvp({
      ...outlet(),
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount,
      cardNumber,
      cardExpiration: FUTURE,
    });
    expect(r.fields.transactionStatus, r.text).toBe('C');
    return r.fields.transactionID;
  };
  const echeck = async (amount: string, accountNumber: string) => {
    const r = await nvp({
      ...outlet(),
      transactionType: 'eCheck',
      transactionAction: 'Sale',
      amount,
      routingNumber: '011000015',
      accountNumber,
      accountType: 'Checking',
    });
    expect(r.fields.transactionStatus, r.text).toBe('C');
    return r.fields.transactionID;
  };
  const settleNow = async (token = admin) =>
    call<{ settled: boolean; batch: Batch | null }>('POST', `/admin/api/merchants/${merchantId}/settle-now`, {
      token,
    });
  const eventsOf = (type: string) =>
    receiver
      .requests('/settle')
      .map((r) => receiver.parse(r))
      .filter((f) => f.EventType === type);

  let first: Batch;
  let sale: string;
  let chargeback: string;
  let returnR01: string;
  let returnR02: string;
  let rejected: string;

  it('settles on demand: C → S, the .13 card sale → SE, Settlement webhooks carry the batch', async () => {
    sale = await card('100.00');
    chargeback = await card('40.00', '4000000000000259');
    rejected = await card('10.13');
    returnR01 = await echeck('25.00', '000000000');
    returnR02 = await echeck('30.00', '000000002');
    const voided = await card('5.00');
    const v = await nvp({ ...outlet(), transactionAction: 'Void', primaryTransactionID: voided });
    expect(v.fields.transactionStatus).toBe('V');
    const refund = await nvp({
      ...outlet(),
      transactionAction: 'SimpleRefund',
      primaryTransactionID: sale,
      amount: '30.00',
    });
    expect(refund.status, refund.text).toBe(200);

    expect((await settleNow(finance)).status).toBe(403);
    expect(
      (await call('POST', `/admin/api/merchants/${merchantId}/settle-now`, { token: await as.harborAdmin() }))
        .status,
    ).toBe(404);
    const res = await settleNow();
    expect(res.status, res.text).toBe(200);
    expect(res.body.settled).toBe(true);
    first = res.body.batch!;
    expect(first.settlementBatchId).toMatch(/^[0-9A-F]{32}$/);
    expect(first.status).toBe('PARTIALLY_SETTLED');
    expect(first.errorCount).toBe(1);
    // Sales 100 + 40 + 25 + 30, refund 30; fees 3.20 + 1.46 + 0.50 + 0.50.
    expect(first.saleCents).toBe(19_500);
    expect(first.refundCents).toBe(3_000);
    expect(first.feeCents).toBe(566);
    expect(first.netCents).toBe(19_500 - 3_000 - 566);
    expect(first.depositDate > first.businessDate).toBe(true);
    expect(first.breakdown.reduce((s, b) => s + b.netCents, 0)).toBe(first.netCents);

    const settled = await eventually(async () => {
      const events = eventsOf('Settlement');
      expect(events.length).toBeGreaterThanOrEqual(6);
      return events;
    });
    for (const e of settled) expect(e.SettlementBatchID).toBe(first.settlementBatchId);
    expect(settled.find((e) => e.PaymentTransactionID === rejected)?.CurrentTransactionStatusCode).toBe('SE');
    expect(settled.find((e) => e.PaymentTransactionID === sale)?.CurrentTransactionStatusCode).toBe('S');
  });

  it('refuses to void a settled sale, naming SimpleRefund', async () => {
    const res = await nvp({ ...outlet(), transactionAction: 'Void', primaryTransactionID: sale });
    expect(expectNvpError(res, 409)).toContain('SimpleRefund');
  });

  it("lists the batch to finance, and its items' CSV sums back to the batch", async () => {
    const list = await call<Batch[]>(
      'GET',
      `/admin/api/settlements?filter=${encodeURIComponent(JSON.stringify({ merchantId }))}`,
      { token: finance },
    );
    expect(list.status, list.text).toBe(200);
    // The closed batch, and the open one collecting the next cut-off's activity.
    expect(list.headers.get('content-range')).toBe('settlements 0-1/2');
    expect(list.body.map((b) => b.status).sort()).toEqual(['OPEN', 'PARTIALLY_SETTLED']);
    const items = await call<{ amountCents: number; feeCents: number; outcome: string }[]>(
      'GET',
      `/admin/api/settlements/${first.settlementBatchId}/items?range=[0,99]`,
      { token: finance },
    );
    expect(items.body).toHaveLength(first.itemCount);
    const csv = await call('GET', `/admin/api/settlements/${first.settlementBatchId}/items/export`, {
      token: finance,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = parseCsv(csv.text);
    const amount = header.indexOf('amount');
    const fee = header.indexOf('fee');
    const outcome = header.indexOf('outcome');
    const settledRows = rows.filter((r) => r[outcome] === 'SETTLED');
    const net = settledRows.reduce((s, r) => s + cents(r[amount]) - cents(r[fee]), 0);
    expect(net).toBe(first.netCents);
    expect(rows.some((r) => r[amount].startsWith("'"))).toBe(false);
    // Another practice sees none of it; a partner without a grant neither.
    const harbor = await call('GET', `/admin/api/settlements/${first.settlementBatchId}`, {
      token: await as.harborAdmin(),
    });
    expect(harbor.status).toBe(404);
  });

  let dispute: { id: string; status: string; dueAt: string; reasonCode: string };

  it('delivers the chargeback and both returns at the next close, with their webhooks', async () => {
    await card('7.00');
    // The open batch shows what it holds so far, before fees.
    const openList = await call<(Batch & { pending?: boolean })[]>(
      'GET',
      `/admin/api/settlements?filter=${encodeURIComponent(JSON.stringify({ merchantId, status: 'OPEN' }))}`,
      { token: finance },
    );
    expect(openList.body).toHaveLength(1);
    // The new 7.00 sale and the 10.13 sale that failed settlement once.
    expect(openList.body[0]).toMatchObject({
      pending: true,
      saleCount: 2,
      saleCents: 1713,
      netCents: 1713,
      feeCents: 0,
    });
    const res = await settleNow();
    expect(res.status, res.text).toBe(200);
    const batch = res.body.batch!;
    expect(batch.status).toBe('SETTLED');
    expect({ returns: batch.returnCount, chargebacks: batch.chargebackCount }).toEqual({
      returns: 2,
      chargebacks: 1,
    });
    const returned = await eventually(async () => {
      const events = eventsOf('Returned');
      expect(events).toHaveLength(2);
      return events;
    });
    expect(Object.fromEntries(returned.map((e) => [e.OriginalTransactionID, e.ReturnReasonCode]))).toEqual({
      [returnR01]: 'R01',
      [returnR02]: 'R02',
    });
    const [cb] = await eventually(async () => {
      const events = eventsOf('Chargeback');
      expect(events).toHaveLength(1);
      return events;
    });
    expect(cb).toMatchObject({
      OriginalTransactionID: chargeback,
      OriginalTransactionStatusCode: 'CB',
      SettlementBatchID: batch.settlementBatchId,
    });
    const resettled = eventsOf('Settlement').filter((e) => e.PaymentTransactionID === rejected);
    expect(resettled.map((e) => e.CurrentTransactionStatusCode).sort()).toEqual(['S', 'SE']);
    const disputes = await call<(typeof dispute)[]>(
      'GET',
      `/admin/api/disputes?filter=${encodeURIComponent(JSON.stringify({ merchantId }))}`,
      { token: finance },
    );
    expect(disputes.body).toHaveLength(1);
    dispute = disputes.body[0];
    expect(dispute).toMatchObject({ status: 'NEEDS_RESPONSE', reasonCode: '10.4' });
    expect(Date.parse(dispute.dueAt) - Date.now()).toBeGreaterThan(19 * 86_400_000);
    // Partners do not see disputes at all.
    expect((await call('GET', '/admin/api/disputes', { token: await as.partnerDev() })).status).toBe(403);
  });

  it('takes evidence with a file, refuses bad input, and reverses the won chargeback later', async () => {
    const bad = await call('POST', `/admin/api/disputes/${dispute.id}/evidence`, {
      token: finance,
      body: { text: 42, files: [{ fileName: '../x', contentType: 'nope', contentBase64: '***' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('files[0].fileName');
    expect(bad.text).toContain('files[0].contentBase64');
    const big = await call('POST', `/admin/api/disputes/${dispute.id}/evidence`, {
      token: finance,
      body: {
        files: [
          {
            fileName: 'big.pdf',
            contentType: 'application/pdf',
            contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64'),
          },
        ],
      },
    });
    expect(big.status, big.text.slice(0, 200)).toBe(400);
    const receipt = Buffer.from('%PDF-1.4 signed receipt');
    const ok = await call<{ status: string; evidence: { id: string; kind: string }[] }>(
      'POST',
      `/admin/api/disputes/${dispute.id}/evidence`,
      {
        token: finance,
        body: {
          text: 'Signed receipt and delivery log: a winning case',
          files: [
            {
              fileName: 'receipt.pdf',
              contentType: 'application/pdf',
              contentBase64: receipt.toString('base64'),
            },
          ],
        },
      },
    );
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('UNDER_REVIEW');
    const file = ok.body.evidence.find((e) => e.kind === 'FILE')!;
    const download = await fetch(`${inject('apiUrl')}/admin/api/disputes/${dispute.id}/evidence/${file.id}`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(receipt)).toBe(true);
    const again = await call('POST', `/admin/api/disputes/${dispute.id}/evidence`, {
      token: finance,
      body: { text: 'more' },
    });
    expect(again.status).toBe(409);
    const res = await settleNow();
    expect(res.body.batch!.reversalCount).toBe(1);
    const after = await call<{ status: string }>('GET', `/admin/api/disputes/${dispute.id}`, {
      token: finance,
    });
    expect(after.body.status).toBe('WON');
  });

  it('writes a posting file and an 835 per batch, downloadable, the 835 valid X12', async () => {
    const files = await call<
      { id: string; kind: string; name: string; settlementBatchId: string; recordCount: number }[]
    >(
      'GET',
      `/admin/api/batch-files?filter=${encodeURIComponent(JSON.stringify({ settlementBatchId: first.settlementBatchId }))}`,
      { token: finance },
    );
    expect(files.status, files.text).toBe(200);
    expect(files.body.map((f) => f.kind).sort()).toEqual(['ERA_835', 'POSTING']);
    const posting = files.body.find((f) => f.kind === 'POSTING')!;
    expect(posting.name).toBe(`POSTING_${merchantId}_${first.businessDate.replace(/-/g, '')}.txt`);
    const text = (await call('GET', `/admin/api/batch-files/${posting.id}/download`, { token: finance }))
      .text;
    const lines = text.trim().split('\r\n');
    expect(lines.filter((l) => l.startsWith('IMDPA14|'))).toHaveLength(first.itemCount - first.errorCount);
    const trailer = lines[lines.length - 1].split('|');
    expect(cents(trailer[2]) - first.feeCents).toBe(first.netCents);
    const era = files.body.find((f) => f.kind === 'ERA_835')!;
    const x12 = (await call('GET', `/admin/api/batch-files/${era.id}/download`, { token: finance })).text;
    const interchange = new X12Parser(true).parse(x12) as unknown as {
      functionalGroups: { transactions: unknown[] }[];
    };
    expect(interchange.functionalGroups[0].transactions).toHaveLength(1);
    const seg = x12.split('~').filter(Boolean);
    const clp = seg.filter((s) => s.startsWith('CLP')).reduce((s, c) => s + cents(c.split('*')[4]), 0);
    const plb = seg
      .filter((s) => s.startsWith('PLB'))
      .flatMap((s) =>
        s
          .split('*')
          .slice(3)
          .filter((_, i) => i % 2 === 1),
      )
      .reduce((s, v) => s + cents(v), 0);
    expect(cents(seg.find((s) => s.startsWith('BPR'))!.split('*')[2])).toBe(clp - plb);
  });

  it('sums the reconciliation to the batches, and exports it', async () => {
    const list = await call<Batch[]>(
      'GET',
      `/admin/api/settlements?filter=${encodeURIComponent(JSON.stringify({ merchantId }))}&range=[0,9]`,
      { token: finance },
    );
    const filter = encodeURIComponent(
      JSON.stringify({ merchantId, from: first.businessDate, to: first.businessDate }),
    );
    const rec = await call<{ totals: { netCents: number; batchCount: number }; days: { date: string }[] }>(
      'GET',
      `/admin/api/reconciliation?filter=${filter}`,
      { token: finance },
    );
    expect(rec.status, rec.text).toBe(200);
    const sameDay = list.body.filter((b) => b.businessDate === first.businessDate);
    expect(rec.body.totals.batchCount).toBe(sameDay.length);
    expect(rec.body.totals.netCents).toBe(sameDay.reduce((s, b) => s + b.netCents, 0));
    const csv = await call('GET', `/admin/api/reconciliation/export?filter=${filter}`, { token: finance });
    const [header, row] = parseCsv(csv.text);
    expect(cents(row[header.indexOf('net')])).toBe(rec.body.totals.netCents);
    const badRange = await call(
      'GET',
      `/admin/api/reconciliation?filter=${encodeURIComponent(JSON.stringify({ from: 'x' }))}`,
      { token: finance },
    );
    expect(badRange.status).toBe(400);
  });
});
