import fc from 'fast-check';
import { X12Interchange, X12Parser, type X12Segment } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { Era835Writer, type Era835Options, x12Amount } from './era-835';
import { postingBatch, postingItem } from './posting.fixtures';
import { type PostingBatch, PostingFileError, type PostingItem, type PostingItemKind } from './types';

function render835(batch: PostingBatch, items: PostingItem[], options?: Era835Options): string {
  const w = new Era835Writer(batch, options);
  return w.header() + items.map((i) => w.claim(i)).join('') + w.trailer();
}

/** X12 decimal → integer cents, read as text (no floating point). */
function cents(value: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!m) throw new Error(`not an X12 amount: ${JSON.stringify(value)}`);
  const abs = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -abs : abs;
}

/**
 * Strict node-x12 parsing, which itself throws on a wrong ISA width, IEA01/GE01 counts,
 * IEA02 ≠ ISA13, GE02 ≠ GS06, SE01 ≠ the segments it found and SE02 ≠ ST02; the tests below
 * check those values again from the parsed tree so that they do not rest on the parser alone.
 */
function parse835(edi: string) {
  const parsed = new X12Parser(true).parse(edi);
  if (!(parsed instanceof X12Interchange)) throw new Error('expected one interchange');
  expect(parsed.functionalGroups).toHaveLength(1);
  const group = parsed.functionalGroups[0];
  expect(group.transactions).toHaveLength(1);
  const tx = group.transactions[0];
  const all = (tag: string) => tx.segments.filter((s) => s.tag === tag);
  const v = (s: X12Segment, i: number) => s.valueOf(i, '') ?? '';
  return {
    isa: parsed.header,
    iea: parsed.trailer,
    gs: group.header,
    ge: group.trailer,
    st: tx.header,
    se: tx.trailer,
    /** The segments between ST and SE. */
    body: tx.segments,
    tags: tx.segments.map((s) => s.tag),
    all,
    /** The single segment of that tag between ST and SE. */
    one: (tag: string) => {
      const found = all(tag);
      expect(found, tag).toHaveLength(1);
      return found[0];
    },
    v,
    clp04: () => all('CLP').reduce((sum, s) => sum + cents(v(s, 4)), 0),
    /** PLB04, 06 … 14: each amount after its composite reason code. */
    plb: () =>
      all('PLB').flatMap((s) =>
        [4, 6, 8, 10, 12, 14]
          .map((i) => v(s, i))
          .filter((x) => x !== '')
          .map(cents),
      ),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The raw segments of the text, to count ST … SE without trusting any parser. */
const rawSegments = (edi: string) =>
  edi
    .split('~')
    .filter(Boolean)
    .map((s) => s.split('*'));

function assertEnvelope(edi: string, batch: PostingBatch, items: PostingItem[]) {
  const p = parse835(edi);
  const raw = rawSegments(edi);
  // ISA13 is the zero-padded control number (node-x12 reads ISA13 and IEA02 as integers).
  expect(raw[0][13]).toBe(String(batch.controlNumber).padStart(9, '0'));
  expect(raw[raw.length - 1]).toEqual(['IEA', '1', raw[0][13]]);
  expect(p.v(p.iea, 2)).toBe(p.v(p.isa, 13));
  expect(p.v(p.gs, 6)).toBe(String(batch.controlNumber));
  expect(p.v(p.ge, 2)).toBe(p.v(p.gs, 6));
  expect(p.v(p.ge, 1)).toBe('1');
  expect(p.v(p.st, 2)).toBe(String(batch.controlNumber).padStart(4, '0'));
  expect(p.v(p.se, 2)).toBe(p.v(p.st, 2));
  const st = raw.findIndex((s) => s[0] === 'ST');
  const se = raw.findIndex((s) => s[0] === 'SE');
  expect(Number(p.v(p.se, 1))).toBe(se - st + 1);
  expect(Number(p.v(p.se, 1))).toBe(p.body.length + 2);
  expect(p.all('CLP')).toHaveLength(items.length);
  expect(p.all('LX').map((s) => p.v(s, 1))).toEqual(items.map((_, i) => String(i + 1)));
  const bpr02 = cents(p.v(p.one('BPR'), 2));
  expect(bpr02).toBeGreaterThanOrEqual(0);
  expect(bpr02).toBe(p.clp04() - sum(p.plb()));
  expect(p.clp04()).toBe(batch.itemsNetCents);
  return p;
}

const mixed = [
  postingItem({ transactionId: 'T1', amountCents: 100_00 }),
  postingItem({ transactionId: 'T2', kind: 'Refund', amountCents: -25_50, authorizationNumber: null }),
  postingItem({ transactionId: 'T3', kind: 'Chargeback', amountCents: -10_00, patientId: null }),
  postingItem({ transactionId: 'T4', kind: 'ChargebackReversal', amountCents: 10_00 }),
  postingItem({
    transactionId: 'T5',
    kind: 'Return',
    tender: 'eCheck',
    cardType: null,
    amountCents: -5_00,
    patientFirstName: null,
    patientLastName: null,
  }),
];

describe('Era835Writer: an 835 that a strict X12 parser accepts and that balances', () => {
  it('agrees on every envelope number and count, and BPR02 = Σ CLP04 − Σ PLB (fees)', () => {
    const batch = postingBatch(mixed, { feeCents: 3_45, controlNumber: 42 });
    const p = assertEnvelope(render835(batch, mixed), batch, mixed);
    expect(p.v(p.gs, 1)).toBe('HP');
    expect(p.v(p.gs, 8)).toBe('005010X221A1');
    expect([p.v(p.st, 1), p.v(p.st, 3)]).toEqual(['835', '005010X221A1']);
    // 100.00 − 25.50 − 10.00 + 10.00 − 5.00 = 69.50, less 3.45 of fees.
    const bpr = p.one('BPR');
    expect([1, 2, 3, 4, 16].map((i) => p.v(bpr, i))).toEqual(['I', '66.05', 'C', 'ACH', '20261125']);
    expect(p.v(p.one('PLB'), 3)).toBe('CS:0123456789ABCDEF0123456789ABCDEF');
    expect(p.v(p.one('PLB'), 4)).toBe('3.45');
    expect(p.v(p.one('PLB'), 2)).toBe('20261231');
    expect(p.v(p.one('PLB'), 1)).toBe('1000000000001');
  });

  it('writes the header loops and one LX/CLP/NM1/REF/DTM group per item, in TR3 order', () => {
    const batch = postingBatch(mixed);
    const p = parse835(render835(batch, mixed));
    expect(p.tags.slice(0, 5)).toEqual(['BPR', 'TRN', 'DTM', 'N1', 'N1']);
    expect(p.tags.slice(5, 10)).toEqual(['LX', 'CLP', 'NM1', 'REF', 'DTM']);
    expect(p.tags.slice(10, 14)).toEqual(['LX', 'CLP', 'NM1', 'DTM']); // T2 has no authorization
    const [trn, dtm405] = [p.body[1], p.body[2]];
    expect([trn.tag, p.v(trn, 1), p.v(trn, 2)]).toEqual(['TRN', '1', '0123456789ABCDEF0123456789ABCDEF']);
    expect(p.v(trn, 3)).toMatch(/^1.{9}$/);
    expect([p.v(dtm405, 1), p.v(dtm405, 2)]).toEqual(['405', '20261124']);
    const [payer, payee] = p.all('N1');
    expect([p.v(payer, 1), p.v(payer, 2)]).toEqual(['PR', 'CONDUIT']);
    expect([1, 2, 3, 4].map((i) => p.v(payee, i))).toEqual(['PE', 'Lakeside Clinic', 'ZZ', '1000000000001']);
  });

  it('claims: CLP02 1 for payments and 22 for reversals, signed CLP03 = CLP04, patient control numbers', () => {
    const p = parse835(render835(postingBatch(mixed), mixed));
    const clps = p.all('CLP').map((s) => [1, 2, 3, 4, 5, 6, 7].map((i) => p.v(s, i)));
    expect(clps).toEqual([
      ['P-1001', '1', '100', '100', '', 'ZZ', 'T1'],
      ['P-1001', '22', '-25.5', '-25.5', '', 'ZZ', 'T2'],
      ['T3', '22', '-10', '-10', '', 'ZZ', 'T3'], // no patient ID: the transaction ID
      ['P-1001', '1', '10', '10', '', 'ZZ', 'T4'],
      ['P-1001', '22', '-5', '-5', '', 'ZZ', 'T5'],
    ]);
    const nm1 = p.all('NM1').map((s) => [1, 2, 3, 4].map((i) => p.v(s, i)));
    expect(nm1[0]).toEqual(['QC', '1', 'Lovelace', 'Ada']);
    expect(nm1[4]).toEqual(['QC', '1', '', '']); // eCheck return without names: the segment, no names
    expect(p.all('REF').map((s) => [p.v(s, 1), p.v(s, 2)])).toHaveLength(4);
    expect(p.v(p.all('REF')[0], 1)).toBe('BB');
    expect(p.v(p.all('REF')[0], 2)).toBe('A12345');
  });

  it('dates claims (DTM*050) and the interchange on the merchant clock', () => {
    const item = postingItem({ transactionDate: new Date('2026-11-25T03:30:00Z') }); // 22:30 on the 24th in New York
    const batch = postingBatch([item], { closedAt: new Date('2026-11-25T01:00:00Z') }); // 20:00 EST
    const edi = render835(batch, [item]);
    const p = parse835(edi);
    const claimDtm = p.all('DTM').find((s) => p.v(s, 1) === '050');
    expect(claimDtm && p.v(claimDtm, 2)).toBe('20261124');
    const isa = rawSegments(edi)[0];
    expect([isa[9], isa[10]]).toEqual(['261124', '2000']);
    expect([p.v(p.gs, 4), p.v(p.gs, 5)]).toEqual(['20261124', '2000']);
  });

  it('a negative net: BPR01 H, BPR02 0, NON, and the shortfall as a negative FB forwarding balance', () => {
    const items = [
      postingItem({ transactionId: 'T1', amountCents: 20_00 }),
      postingItem({ transactionId: 'T2', kind: 'Chargeback', amountCents: -150_00 }),
    ];
    const batch = postingBatch(items, { feeCents: 15_00 });
    const p = assertEnvelope(render835(batch, items), batch, items);
    const bpr = p.one('BPR');
    expect([1, 2, 3, 4].map((i) => p.v(bpr, i))).toEqual(['H', '0', 'C', 'NON']);
    const plb = p.one('PLB');
    expect([3, 4, 5, 6].map((i) => p.v(plb, i))).toEqual([
      'CS:0123456789ABCDEF0123456789ABCDEF',
      '15',
      'FB:0123456789ABCDEF0123456789ABCDEF',
      '-145', // 20.00 − 150.00 − 15.00
    ]);
  });

  it('a net of exactly the fees pays 0 with H/NON and needs no forwarding balance', () => {
    const items = [postingItem({ amountCents: 3_45 })];
    const batch = postingBatch(items, { feeCents: 3_45 });
    const p = assertEnvelope(render835(batch, items), batch, items);
    expect([1, 2, 4].map((i) => p.v(p.one('BPR'), i))).toEqual(['H', '0', 'NON']);
    expect(p.v(p.one('PLB'), 5)).toBe('');
  });

  it('a 1-item batch without fees: no PLB at all, BPR02 = the one CLP04', () => {
    const items = [postingItem({ amountCents: 12_34 })];
    const batch = postingBatch(items, { feeCents: 0, controlNumber: 999_999_999 });
    const p = assertEnvelope(render835(batch, items), batch, items);
    expect(p.all('PLB')).toHaveLength(0);
    expect(p.v(p.one('BPR'), 2)).toBe('12.34');
    expect(p.tags).toEqual(['BPR', 'TRN', 'DTM', 'N1', 'N1', 'LX', 'CLP', 'NM1', 'REF', 'DTM']);
    expect(p.v(p.se, 1)).toBe('12');
  });

  it('an empty batch with fees only, and one with nothing at all', () => {
    const feesOnly = postingBatch([], { feeCents: 5_00 });
    const p = assertEnvelope(render835(feesOnly, []), feesOnly, []);
    expect(p.plb()).toEqual([500, -500]);
    const nothing = postingBatch([]);
    const q = assertEnvelope(render835(nothing, []), nothing, []);
    expect(q.tags).toEqual(['BPR', 'TRN', 'DTM', 'N1', 'N1']);
  });

  it('the ISA is exactly 106 characters with * ~ : ^, whatever the IDs and options', () => {
    for (const [merchantId, options] of [
      ['1000000000001', {}],
      ['7', { senderId: 'X', usage: 'T' }],
      ['ABCDEFGHIJKLMNO', { senderId: 'CONDUITHEALTH01' }],
    ] as const) {
      const batch = postingBatch([], { merchantId });
      const edi = render835(batch, [], options);
      const isa = edi.slice(0, edi.indexOf('~') + 1);
      expect(isa).toHaveLength(106);
      expect([isa[3], isa[104], isa[105]]).toEqual(['*', ':', '~']);
      const e = isa.slice(0, -1).split('*');
      expect(e).toHaveLength(17);
      expect([e[11], e[12], e[14], e[15]]).toEqual(['^', '00501', '0', 'usage' in options ? 'T' : 'P']);
      expect(e[8].trimEnd()).toBe(merchantId);
      parse835(edi);
    }
  });

  it('text cannot break the interchange: * ~ : ^ and control characters are removed from values', () => {
    const item = postingItem({
      patientLastName: 'Doe~SE*3*0042~GE*1*42',
      patientFirstName: 'J:a^n\r\ne*',
      patientId: 'P*1~',
      transactionId: 'T~X*Y',
      authorizationNumber: '^:^',
    });
    const batch = postingBatch([item], { merchantName: 'Lake*side~Clinic:^' });
    const edi = render835(batch, [item]);
    const p = assertEnvelope(edi, batch, [item]);
    expect([3, 4].map((i) => p.v(p.one('NM1'), i))).toEqual(['Doe SE 3 0042 GE 1 42', 'J a n e']);
    expect([1, 7].map((i) => p.v(p.one('CLP'), i))).toEqual(['P 1', 'T X Y']);
    expect(p.all('REF')).toHaveLength(0); // nothing was left of the authorization number
    expect(p.v(p.all('N1')[1], 2)).toBe('Lake side Clinic');
    expect(edi).not.toMatch(/[\r\n]/);
  });

  it('refuses a trailer when the claims disagree with the batch, and misuse of the order', () => {
    const items = [postingItem({ amountCents: 10_00 })];
    const w = new Era835Writer(postingBatch(items, { itemsNetCents: 10_01 }));
    expect(() => w.claim(items[0])).toThrow(/header first/);
    expect(() => w.trailer()).toThrow(/header first/);
    w.header();
    expect(() => w.header()).toThrow(PostingFileError);
    w.claim(items[0]);
    expect(() => w.trailer()).toThrow(/does not balance/);

    const missing = new Era835Writer(postingBatch(items));
    missing.header();
    expect(() => missing.trailer()).toThrow(/does not balance: 0 items/);

    const done = new Era835Writer(postingBatch([]));
    done.header();
    done.trailer();
    expect(() => done.claim(items[0])).toThrow(/closed/);
    expect(() => done.trailer()).toThrow(/closed/);
    expect(() => new Era835Writer(postingBatch([]), { payerIdentifier: '2123456789' })).toThrow(
      /payerIdentifier/,
    );
  });

  it('the strict parser really rejects a wrong SE01 or control number (the checks above are not vacuous)', () => {
    const edi = render835(postingBatch(mixed), mixed);
    expect(() =>
      new X12Parser(true).parse(edi.replace(/SE\*(\d+)\*/, (_, n) => `SE*${Number(n) + 1}*`)),
    ).toThrow(/SE01/);
    expect(() => new X12Parser(true).parse(edi.replace(/GE\*1\*42~/, 'GE*1*43~'))).toThrow(/GE02/);
    expect(() => new X12Parser(true).parse(edi.replace(/IEA\*1\*000000042~/, 'IEA*1*000000043~'))).toThrow(
      /IEA02/,
    );
  });

  it('x12Amount: signed, no floating point, no trailing zeros', () => {
    expect([-2500, 1250, 1234, 5, 0, -1, 9_999_999_999].map(x12Amount)).toEqual([
      '-25',
      '12.5',
      '12.34',
      '0.05',
      '0',
      '-0.01',
      '99999999.99',
    ]);
    expect(x12Amount(100_000_00)).toBe('100000');
    expect(cents(x12Amount(-1_000_10))).toBe(-1_000_10);
  });
});

const KINDS: PostingItemKind[] = ['Sale', 'Refund', 'Return', 'Chargeback', 'ChargebackReversal'];
const OUTGOING = new Set<PostingItemKind>(['Refund', 'Return', 'Chargeback']);

const anyItem = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    magnitude: fc.integer({ min: 1, max: 9_999_999_999 }),
    last: fc.option(fc.string({ unit: 'binary', maxLength: 10 })),
    patientId: fc.option(fc.string({ unit: 'binary', maxLength: 10 })),
    authorization: fc.option(fc.string({ maxLength: 8 })),
    transactionId: fc.stringMatching(/^T[0-9A-Za-z-]{0,19}$/),
  })
  .map(({ kind, magnitude, last, patientId, authorization, transactionId }) =>
    postingItem({
      kind,
      amountCents: OUTGOING.has(kind) ? -magnitude : magnitude,
      patientLastName: last,
      patientId,
      authorizationNumber: authorization,
      transactionId,
    }),
  );

describe('Era835Writer: properties', () => {
  it('for any items and fees, the 835 parses strictly and BPR02 + Σ PLB = Σ CLP04 with BPR02 ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.array(anyItem, { maxLength: 30 }),
        fc.integer({ min: 0, max: 100_000_00 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (items, feeCents, controlNumber) => {
          const batch = postingBatch(items, { feeCents, controlNumber });
          const p = assertEnvelope(render835(batch, items), batch, items);
          const bpr02 = cents(p.v(p.all('BPR')[0], 2));
          expect(bpr02 + sum(p.plb())).toBe(p.clp04());
          expect(bpr02).toBe(Math.max(0, batch.itemsNetCents - feeCents));
          expect(p.all('CLP').map((s) => p.v(s, 2))).toEqual(
            items.map((i) => (OUTGOING.has(i.kind) ? '22' : '1')),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('streams 100,000 claims and still balances', () => {
    const n = 100_000;
    const template = postingItem({ amountCents: 1_00 });
    const w = new Era835Writer(postingBatch([], { itemCount: n, itemsNetCents: n * 1_00, feeCents: 1_00 }));
    let segments = rawSegments(w.header()).length - 2; // ISA and GS are outside ST … SE
    for (let i = 0; i < n; i += 1)
      segments += rawSegments(w.claim({ ...template, transactionId: `T${i}` })).length;
    const tail = rawSegments(w.trailer());
    segments += tail.length - 2; // without GE and IEA
    expect(tail.map((s) => s[0])).toEqual(['PLB', 'SE', 'GE', 'IEA']);
    expect(Number(tail[1][1])).toBe(segments);
  }, 60_000); // a 2-core CI machine needs a few seconds for 100,000 items
});
