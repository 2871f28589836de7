import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvMoney, type CsvValue, csvRow, formatCents } from './csv';

/**
 * A strict RFC 4180 reader for the tests: records end in CRLF, a quoted field doubles its quotes,
 * and an unquoted field may hold no quote, CR or LF. Anything else is an error, not a guess.
 */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      for (i += 1; ; i += 1) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else field += text[i];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (row.length) throw new Error('last record has no CRLF');
  return rows;
}

describe('formatCents', () => {
  it('prints plain decimals with integer arithmetic', () => {
    expect(formatCents(123450)).toBe('1234.50');
    expect(formatCents(-2500)).toBe('-25.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-5)).toBe('-0.05');
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(-0)).toBe('0.00');
    expect(formatCents(9_007_199_254_740_991)).toBe('90071992547409.91');
    expect(formatCents(123456789012345678901234567890n)).toBe('1234567890123456789012345678.90');
  });

  it.each([0.5, 10.25, Number.NaN, Infinity, 2 ** 53])('refuses %s', (cents) => {
    expect(() => formatCents(cents)).toThrow(RangeError);
  });
});

describe('csvCell', () => {
  it('defuses text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-25.00')).toBe("'-25.00");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell("'quoted")).toBe("'quoted");
  });

  it('keeps money, numbers and dates plain', () => {
    expect(csvCell(csvMoney(-2500))).toBe('-25.00');
    expect(csvCell(csvMoney(2500n))).toBe('25.00');
    expect(csvCell(csvMoney(null))).toBe('');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(12n)).toBe('12');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(new Date('2026-03-08T07:00:00Z'))).toBe('2026-03-08T07:00:00.000Z');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes as RFC 4180 says: commas, quotes and line breaks', () => {
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell({ raw: '1,5' })).toBe('"1,5"');
  });

  it('refuses values it cannot write faithfully', () => {
    expect(() => csvCell(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => csvCell(Number.NaN)).toThrow(RangeError);
    expect(() => csvCell(Infinity)).toThrow(RangeError);
  });
});

describe('csvRow', () => {
  it('joins cells with commas and ends the record with CRLF', () => {
    expect(csvRow(['a', 1, null, csvMoney(-100), '=x'])).toBe("a,1,,-1.00,'=x\r\n");
  });

  const tricky = fc
    .array(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ' ', 'a', 'é', '😀'), {
      maxLength: 8,
    })
    .map((chars) => chars.join(''));
  type Case = { value: CsvValue; expected: string; money?: bigint };
  const cell: fc.Arbitrary<Case> = fc.oneof(
    fc.oneof(tricky, fc.string({ unit: 'binary' })).map((s) => ({
      value: s,
      expected: /^[=+\-@\t\r]/.test(s) ? `'${s}` : s,
    })),
    fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((c) => ({
      value: csvMoney(c),
      expected: formatCents(c),
      money: c,
    })),
    fc.integer().map((n) => ({ value: n, expected: String(n) })),
    fc.date({ noInvalidDate: true }).map((d) => ({ value: d, expected: d.toISOString() })),
    fc.constant({ value: null, expected: '' }),
  );

  it('round-trips through an RFC 4180 reader, with no text cell left runnable', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 6 }), (rows) => {
        const text = rows.map((r) => csvRow(r.map((c) => c.value))).join('');
        const parsed = readCsv(text);
        expect(parsed).toEqual(rows.map((r) => r.map((c) => c.expected)));
        rows.forEach((r, i) =>
          r.forEach((c, j) => {
            if (typeof c.value === 'string') expect(parsed[i][j]).not.toMatch(/^[=+\-@\t\r]/);
            if (c.money !== undefined) {
              const [, sign, whole, frac] = /^(-?)(\d+)\.(\d{2})$/.exec(parsed[i][j]) ?? [];
              expect((sign ? -1n : 1n) * (BigInt(whole) * 100n + BigInt(frac))).toBe(c.money);
            }
          }),
        );
      }),
      { numRuns: 500 },
    );
  });
});
