import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount } from '@conduit/domain';
import { postingBatch, postingItem } from './posting.fixtures';
import { PostingFileWriter } from './posting-file';
import { PostingFileError, type PostingItem, type PostingItemKind } from './types';

const KINDS: PostingItemKind[] = ['Sale', 'Refund', 'Return', 'Chargeback', 'ChargebackReversal'];
const OUTGOING = new Set<PostingItemKind>(['Refund', 'Return', 'Chargeback']);

/** Any settled item: any kind, any amount up to the platform maximum, any text at all. */
const anyItem = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    magnitude: fc.integer({ min: 1, max: 9_999_999_999 }),
    first: fc.option(fc.string({ unit: 'binary', maxLength: 12 })),
    last: fc.option(fc.string({ unit: 'binary', maxLength: 12 })),
    message: fc.string({ unit: 'binary', maxLength: 12 }),
    info: fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 6 }),
    at: fc.date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2035-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
  })
  .map(({ kind, magnitude, first, last, message, info, at }) =>
    postingItem({
      kind,
      amountCents: OUTGOING.has(kind) ? -magnitude : magnitude,
      patientFirstName: first,
      patientLastName: last,
      responseMessage: message,
      additionalInfo: info,
      transactionDate: at,
    }),
  );

const fieldsOf = (line: string) => {
  expect(line.endsWith('\r\n')).toBe(true);
  return line.slice(0, -2).split('|');
};

/** Renders items through a fresh writer whose batch balances them. */
const render = (items: PostingItem[], timeZone = 'America/New_York') => {
  const w = new PostingFileWriter(postingBatch(items, { timeZone }));
  return { lines: items.map((i) => w.record(i)), trailer: w.trailer() };
};

describe('PostingFileWriter: IMDPA14 records (batch-files.md)', () => {
  it('writes the record type and the 22 fields of batch-files.md in their order', () => {
    const item = postingItem({
      storeId: 'S9',
      terminalId: 'T9',
      tender: 'DebitCard',
      amountCents: 1_234_56,
      cardType: 'MASTERCARD',
      transactionId: 'TX-77',
      authorizationNumber: 'AUTH9',
      transactionDate: new Date('2026-11-24T15:04:05Z'), // 10:04:05 in New York (EST)
      statusCode: 'S',
      patientId: 'PAT7',
      patientFirstName: 'Grace',
      patientLastName: 'Hopper',
      additionalInfo: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
      responseCode: '000',
      responseMessage: 'Approved',
    });
    const fields = fieldsOf(render([item]).lines[0]);
    expect(fields).toEqual([
      'IMDPA14',
      '1000000000001', // MerchantID
      'S9', // StoreID
      'T9', // TerminalID
      'DebitCard', // TransactionType
      'AuthCapt', // Action
      '1234.56', // Amount
      'MASTERCARD', // CardType
      'TX-77', // TransactionID
      'AUTH9', // AuthorizationNumber
      '20261124100405', // TransactionDate
      'S', // StatusCode
      'PAT7', // PatientID
      'Grace', // PatientFirstName
      'Hopper', // PatientLastName
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6', // AdditionalInfo1 … 6
      '000', // ResponseCode
      'Approved', // ResponseMessage
    ]);
  });

  it('keeps the field count when optional values are missing (eCheck, no patient, fewer infos)', () => {
    const item = postingItem({
      tender: 'eCheck',
      cardType: null,
      authorizationNumber: null,
      patientId: null,
      patientFirstName: null,
      patientLastName: null,
      additionalInfo: ['only'],
    });
    const fields = fieldsOf(render([item]).lines[0]);
    expect(fields).toHaveLength(23);
    expect(fields[4]).toBe('eCheck');
    expect(fields[7]).toBe('');
    expect(fields[9]).toBe('');
    expect(fields.slice(12, 15)).toEqual(['', '', '']);
    expect(fields.slice(15, 21)).toEqual(['only', '', '', '', '', '']);
    expect(fields[21]).toBe('000');
  });

  it('maps kinds to actions (a chargeback reversal posts as AuthCapt) and always writes a positive amount', () => {
    const cases: [PostingItemKind, number, string, string][] = [
      ['Sale', 2500, 'AuthCapt', '25.00'],
      ['Refund', -2500, 'Credit', '25.00'],
      ['Return', -5, 'Return', '0.05'],
      ['Chargeback', -100_000_00, 'Chargeback', '100000.00'],
      ['ChargebackReversal', 1999, 'AuthCapt', '19.99'],
    ];
    const items = cases.map(([kind, amountCents], i) =>
      postingItem({ kind, amountCents, transactionId: `T${i}` }),
    );
    const { lines, trailer } = render(items);
    lines.forEach((line, i) => {
      const f = fieldsOf(line);
      expect([f[5], f[6]]).toEqual([cases[i][2], cases[i][3]]);
      expect(f[6].startsWith('-')).toBe(false);
    });
    // 25.00 − 25.00 − 0.05 − 100000.00 + 19.99
    expect(trailer).toBe('IMDPT14|5|-99980.06\r\n');
  });

  it('renders CCYYMMDDHHMMSS on the merchant clock, across both daylight-saving changes', () => {
    const at = (iso: string, timeZone = 'America/New_York') =>
      fieldsOf(render([postingItem({ transactionDate: new Date(iso) })], timeZone).lines[0])[10];
    // Spring forward, 2026-03-08 02:00 EST → 03:00 EDT (07:00Z).
    expect(at('2026-03-08T06:59:59Z')).toBe('20260308015959');
    expect(at('2026-03-08T07:00:00Z')).toBe('20260308030000');
    // Fall back, 2026-11-01 02:00 EDT → 01:00 EST (06:00Z): 01:30 happens twice.
    expect(at('2026-11-01T05:30:00Z')).toBe('20261101013000');
    expect(at('2026-11-01T06:30:00Z')).toBe('20261101013000');
    // The merchant-local date, not the UTC one: 02:30Z on the 9th is the evening of the 8th.
    expect(at('2026-03-09T02:30:00Z')).toBe('20260308223000');
    expect(at('2026-03-09T02:30:00Z', 'America/Los_Angeles')).toBe('20260308193000');
    expect(at('2026-03-09T02:30:00Z', 'UTC')).toBe('20260309023000');
  });

  it('cannot be broken by text: | CR LF and control characters in names never start a record', () => {
    const item = postingItem({
      patientFirstName: 'Eve|x',
      patientLastName: 'Mallory\r\nIMDPA14|1000000000001|S|T|CreditCard|AuthCapt|99999.99',
      responseMessage: 'ok\u2028\u0000\u001b[2J\u202e',
      additionalInfo: ['tab\there', 'line\nbreak', '\r', '|', '  spaced   out  ', 'plain'],
      storeId: 'S|1',
    });
    const { lines } = render([item]);
    const line = lines[0];
    expect(line.match(/\r\n/g)).toHaveLength(1);
    expect(line.slice(0, -2)).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
    const fields = fieldsOf(line);
    expect(fields).toHaveLength(23);
    expect(fields[2]).toBe('S 1');
    expect(fields[13]).toBe('Eve x');
    expect(fields[14]).toBe('Mallory IMDPA14 1000000000001 S T CreditCard AuthCapt 99999.99');
    expect(fields.slice(15, 21)).toEqual(['tab here', 'line break', '', '', 'spaced out', 'plain']);
    expect(fields[22]).toBe('ok [2J');
  });
});

describe('PostingFileWriter: the trailer balances or nothing is written', () => {
  it('gives the record count and the signed net', () => {
    const items = [
      postingItem({ amountCents: 1000 }),
      postingItem({ kind: 'Refund', amountCents: -3500, transactionId: 'T2' }),
    ];
    expect(render(items).trailer).toBe('IMDPT14|2|-25.00\r\n');
    expect(render([]).trailer).toBe('IMDPT14|0|0.00\r\n');
  });

  it('refuses a trailer when the count or the net differs from the batch', () => {
    const items = [
      postingItem({ amountCents: 1000 }),
      postingItem({ amountCents: 2000, transactionId: 'T2' }),
    ];
    const short = new PostingFileWriter(postingBatch(items));
    short.record(items[0]);
    expect(() => short.trailer()).toThrow(PostingFileError);
    expect(() => short.trailer()).toThrow(
      /does not balance: 1 items totalling 1000 cents.*2 items totalling 3000/,
    );

    const off = new PostingFileWriter(postingBatch(items, { itemsNetCents: 3001 }));
    items.forEach((i) => off.record(i));
    expect(() => off.trailer()).toThrow(/does not balance/);

    const extra = new PostingFileWriter(postingBatch(items, { itemCount: 1, itemsNetCents: 3000 }));
    items.forEach((i) => extra.record(i));
    expect(() => extra.trailer()).toThrow(/does not balance/);
  });

  it('refuses records after the trailer, and a second trailer', () => {
    const w = new PostingFileWriter(postingBatch([]));
    w.trailer();
    expect(() => w.trailer()).toThrow(PostingFileError);
    expect(() => w.record(postingItem())).toThrow(/closed/);
  });

  it('refuses items that would make a wrong file: another merchant, a wrong sign, seven infos', () => {
    const w = new PostingFileWriter(postingBatch([]));
    expect(() => w.record(postingItem({ merchantId: '1000000000002' }))).toThrow(/belongs to merchant/);
    expect(() => w.record(postingItem({ kind: 'Refund', amountCents: 100 }))).toThrow(/must be negative/);
    expect(() => w.record(postingItem({ kind: 'Sale', amountCents: -100 }))).toThrow(/must be positive/);
    expect(() => w.record(postingItem({ amountCents: 0 }))).toThrow(/non-zero/);
    expect(() => w.record(postingItem({ amountCents: 10.5 }))).toThrow(/integer/);
    expect(() => w.record(postingItem({ additionalInfo: ['1', '2', '3', '4', '5', '6', '7'] }))).toThrow(
      /at most 6/,
    );
    expect(() => w.record(postingItem({ kind: 'Void' as PostingItemKind }))).toThrow(/Unknown item kind/);
    expect(() => w.record(postingItem({ transactionId: '|\r\n' }))).toThrow(/transactionId/);
    // None of the refused items counted.
    expect(w.trailer()).toBe('IMDPT14|0|0.00\r\n');
  });

  it('refuses a batch it could not render', () => {
    const bad = (o: Parameters<typeof postingBatch>[1]) => () => new PostingFileWriter(postingBatch([], o));
    expect(bad({ timeZone: 'Mars/Olympus' })).toThrow(/IANA/);
    expect(bad({ businessDate: '2026-02-30' })).toThrow(/businessDate/);
    expect(bad({ merchantId: '../etc' })).toThrow(/merchantId/);
    expect(bad({ feeCents: -1 })).toThrow(/feeCents/);
    expect(bad({ controlNumber: 1_000_000_000 })).toThrow(/controlNumber/);
    expect(bad({ settlementBatchId: 'XYZ' })).toThrow(/settlementBatchId/);
  });

  it('for any items: one 23-field line each, |amount| in the Amount column, trailer net = Σ signed amounts', () => {
    fc.assert(
      fc.property(fc.array(anyItem, { maxLength: 40 }), (items) => {
        const { lines, trailer } = render(items);
        lines.forEach((line, i) => {
          expect(line.indexOf('\r\n')).toBe(line.length - 2);
          expect(line.slice(0, -2)).not.toMatch(/[\r\n]/);
          const f = fieldsOf(line);
          expect(f).toHaveLength(23);
          expect(f[6]).toBe(formatAmount(Math.abs(items[i].amountCents)));
          expect(f[10]).toMatch(/^\d{14}$/);
        });
        const net = items.reduce((sum, i) => sum + i.amountCents, 0);
        expect(trailer).toBe(`IMDPT14|${items.length}|${formatAmount(net)}\r\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('streams 100,000 items one at a time and balances them', () => {
    const n = 100_000;
    const template = postingItem();
    const w = new PostingFileWriter(
      postingBatch([], { itemCount: n, itemsNetCents: n * template.amountCents }),
    );
    let bytes = 0;
    for (let i = 0; i < n; i += 1) bytes += w.record({ ...template, transactionId: `T${i}` }).length;
    expect(w.trailer()).toBe(`IMDPT14|${n}|1234000.00\r\n`);
    expect(bytes).toBeGreaterThan(n * 100);
  }, 60_000); // a 2-core CI machine needs a few seconds for 100,000 items
});
