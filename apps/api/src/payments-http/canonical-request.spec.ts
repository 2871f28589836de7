import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalForm, canonicalJson } from './canonical-request';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** JSON values whose objects have no two keys equal but for case (the REST edge merges those). */
const { json } = fc.letrec<{ json: Json; leaf: Json; obj: Json }>((tie) => ({
  leaf: fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc
      .double({ noNaN: true, noDefaultInfinity: true })
      // JSON has one zero: -0 is written "0", so the edge cannot tell them apart either.
      .map((n) => (n === 0 ? 0 : n)),
    fc.string(),
  ),
  obj: fc
    .uniqueArray(fc.tuple(fc.string({ maxLength: 8 }), tie('json')), {
      maxLength: 5,
      selector: ([k]) => k.toLowerCase(),
    })
    .map((entries) => Object.fromEntries(entries) as Json),
  json: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('obj'), fc.array(tie('json'), { maxLength: 4 })),
}));

/** The same value rewritten: every object's keys in another order and casing. */
function rewritten(value: Json, seed: number): Json {
  if (Array.isArray(value)) return value.map((v, i) => rewritten(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const order = entries.map((_, i) => (i * 7919 + seed) % 101).map((rank, i) => [rank, i] as const);
  order.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return Object.fromEntries(
    order.map(([, i], n) => {
      const [k, v] = entries[i];
      return [(seed + n) % 2 ? k.toUpperCase() : k.toLowerCase(), rewritten(v, seed + n + 1)];
    }),
  );
}

/** Each object's keys lower-cased, for comparing values the way the REST edge does. */
function lowered(value: Json): Json {
  if (Array.isArray(value)) return value.map(lowered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), lowered(v)]));
}

describe('canonicalJson', () => {
  it('is the same for any key order, key casing and whitespace of the same value', () => {
    fc.assert(
      fc.property(json, fc.nat(), fc.constantFrom(0, 1, 2, '\t', ' \n '), (value, seed, space) => {
        const sent = JSON.stringify(rewritten(value, seed), null, space);
        expect(canonicalJson(JSON.parse(sent))).toBe(canonicalJson(value));
      }),
    );
  });

  it('is the same exactly when the values are the same as the edge reads them', () => {
    const pair = json.chain((a) =>
      fc.tuple(fc.constant(a), fc.oneof(json, fc.constant(a), fc.constant<Json>([a]))),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(canonicalJson(a) === canonicalJson(b)).toBe(isDeepStrictEqual(lowered(a), lowered(b)));
      }),
    );
  });

  it('differs when any one field of a payment changes', () => {
    const sale = {
      Outlet: { MerchantID: '1', StoreID: '001', TerminalID: '001' },
      Amount: '44.00',
      Card: { CardNumber: '5500000000000004', Expiration: '12/29', CVN: '123' },
    };
    fc.assert(
      fc.property(
        fc.constantFrom<[string, string]>(
          ['Amount', '45.00'],
          ['Card.CVN', '124'],
          ['Card.CardNumber', '4111111111111111'],
          ['Outlet.TerminalID', '002'],
        ),
        fc.nat(),
        ([path, other], seed) => {
          const changed = JSON.parse(JSON.stringify(sale)) as Record<string, Record<string, string>>;
          const [head, tail] = path.split('.');
          if (tail) changed[head][tail] = other;
          else (changed as Record<string, unknown>)[head] = other;
          expect(canonicalJson(rewritten(changed as Json, seed))).not.toBe(canonicalJson(sale));
        },
      ),
    );
  });

  it('reads numbers as parsed and keeps strings and numbers apart', () => {
    expect(canonicalJson(JSON.parse('{"Amount": 1.50}'))).toBe(canonicalJson(JSON.parse('{"amount":1.5}')));
    expect(canonicalJson(JSON.parse('{"a":1e2}'))).toBe('{"a":100}');
    expect(canonicalJson({ Amount: 44 })).not.toBe(canonicalJson({ Amount: '44' }));
    expect(canonicalJson(JSON.parse('{"A":"\\u0041"}'))).toBe('{"a":"A"}');
  });

  it('keeps the exact names of an object with two keys equal but for case: it equals only itself', () => {
    const ambiguous = canonicalJson(JSON.parse('{"Amount":"1","amount":"2"}'));
    expect(ambiguous).toBe('{"Amount":"1","amount":"2"}');
    expect(ambiguous).not.toBe(canonicalJson({ amount: '2' }));
    expect(ambiguous).not.toBe(canonicalJson({ amount: '1' }));
    expect(ambiguous).not.toBe(canonicalJson(JSON.parse('{"amount":"2","Amount":"1"}')));
    expect(canonicalJson(JSON.parse('{ "Amount" : "1", "amount":"2" }'))).toBe(ambiguous);
  });

  it('treats __proto__ as an ordinary key', () => {
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"b":2}'))).toBe('{"__proto__":{"x":1},"b":2}');
  });
});

/** Name/value pairs as the form parser (http/body-parsers.ts) leaves them: a repeated name is an array. */
function parsedForm(pairs: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = Object.hasOwn(out, k) ? out[k] : undefined;
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

// `__proto__` in any casing is left out: the form parser's plain object drops the lower-case one.
const formName = fc.string({ minLength: 1, maxLength: 10 }).filter((k) => k.toLowerCase() !== '__proto__');
const formPairs = fc.uniqueArray(fc.tuple(formName, fc.string()), {
  maxLength: 8,
  selector: ([k]) => k.toLowerCase(),
});

describe('canonicalForm', () => {
  it('is the same for any order and name casing of the same pairs', () => {
    fc.assert(
      fc.property(formPairs, fc.nat(), (pairs, seed) => {
        const shuffled = pairs
          .map((p, i) => [(i * 7919 + seed) % 101, p] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, [k, v]], i): [string, string] => [(seed + i) % 2 ? k.toUpperCase() : k, v]);
        expect(canonicalForm(parsedForm(shuffled))).toBe(canonicalForm(parsedForm(pairs)));
      }),
    );
  });

  it('differs when a value changes, a pair is added or one is left out', () => {
    fc.assert(
      fc.property(
        formPairs.filter((p) => p.length > 0),
        fc.string(),
        (pairs, other) => {
          const [k, v] = pairs[0];
          fc.pre(other !== v);
          const base = canonicalForm(parsedForm(pairs));
          expect(canonicalForm(parsedForm([[k, other], ...pairs.slice(1)]))).not.toBe(base);
          expect(canonicalForm(parsedForm(pairs.slice(1)))).not.toBe(base);
        },
      ),
    );
  });

  it('keeps every value of a repeated name, in order, so a repeat equals only the same repeat', () => {
    const repeated = canonicalForm(
      parsedForm([
        ['a', '1'],
        ['b', 'x'],
        ['a', '2'],
      ]),
    );
    expect(repeated).toBe('a=1&a=2&b=x');
    expect(repeated).not.toBe(
      canonicalForm(
        parsedForm([
          ['a', '2'],
          ['b', 'x'],
        ]),
      ),
    );
    expect(repeated).not.toBe(
      canonicalForm(
        parsedForm([
          ['a', '2'],
          ['a', '1'],
          ['b', 'x'],
        ]),
      ),
    );
  });

  it('keeps the exact names when two are equal but for case', () => {
    const ambiguous = canonicalForm(
      parsedForm([
        ['amount', '1'],
        ['Amount', '2'],
      ]),
    );
    expect(ambiguous).not.toBe(canonicalForm(parsedForm([['amount', '2']])));
    expect(ambiguous).not.toBe(
      canonicalForm(
        parsedForm([
          ['Amount', '1'],
          ['amount', '2'],
        ]),
      ),
    );
  });
});
