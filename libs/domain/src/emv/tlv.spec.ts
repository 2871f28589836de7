import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { decodeTlv, encodeTlv, fromHex, primitivesOf, type Tlv } from './tlv';

function refusal(raw: unknown): string {
  try {
    decodeTlv(raw);
  } catch (e) {
    if (e instanceof DomainError && e.code === ErrorCode.VALIDATION_FAILED) return e.message;
    throw e;
  }
  throw new Error('expected the TLV to be refused');
}

const bytes = (n: number, fill = 0xab) => new Uint8Array(n).fill(fill);

describe('decodeTlv', () => {
  it('reads one- and two-byte tags with short lengths', () => {
    expect(decodeTlv('9F02060000000025009C0100')).toEqual([
      { tag: '9F02', value: fromHex('000000002500') },
      { tag: '9C', value: fromHex('00') },
    ]);
  });

  it('accepts lower-case hex and surrounding whitespace', () => {
    expect(decodeTlv(' 9f3602000a\n')).toEqual([{ tag: '9F36', value: fromHex('000A') }]);
  });

  it('reads long-form lengths 81 and 82', () => {
    const v200 = 'AB'.repeat(200);
    expect(decodeTlv(`9F1081C8${v200}`)[0].value).toEqual(bytes(200));
    const v300 = 'AB'.repeat(300);
    expect(decodeTlv(`DF01820${(300).toString(16).toUpperCase()}${v300}`)[0].value).toEqual(bytes(300));
  });

  it('recurses into constructed tags', () => {
    const [template] = decodeTlv('7007' + '5A02' + '4111' + '9C0100');
    expect(template.tag).toBe('70');
    expect(template.children).toEqual([
      { tag: '5A', value: fromHex('4111') },
      { tag: '9C', value: fromHex('00') },
    ]);
    expect(primitivesOf([template]).map((t) => t.tag)).toEqual(['5A', '9C']);
  });

  it('accepts a zero-length value', () => {
    expect(decodeTlv('9F0300')).toEqual([{ tag: '9F03', value: new Uint8Array() }]);
  });

  it.each([
    ['odd hex', '9F0206000', /must be hexadecimal/],
    ['non-hex characters', '9F02ZZ', /must be hexadecimal/],
    ['empty input', '   ', /is empty/],
    ['not text', 42, /must be text/],
    ['trailing bytes that are no object', '9C0100' + '9F', /ends inside a tag at byte 3/],
    ['a truncated value', '9F020600000000', /tag 9F02 declares 6 bytes but only 4 follow/],
    ['indefinite length', '70805A0141000000', /indefinite length form/],
    ['a three-byte length', '9F1083000001AB', /length of 3 bytes/],
    ['a length cut short', '9F1082', /ends inside its length/],
    ['no length at all', '9C', /tag 9C has no length/],
    ['a padding byte', '009C0100', /no valid tag at byte 0/],
    ['a tag longer than 3 bytes', 'DF818101' + '0100', /tag longer than 3 bytes/],
    ['a constructed value that is not TLV', '70019F', /ends inside a tag at byte 0/],
  ])('refuses %s', (_what, raw, message) => {
    expect(refusal(raw)).toMatch(message);
  });

  it('refuses templates nested more than 4 deep', () => {
    expect(refusal('700A' + '7008' + '7006' + '7004' + '7002' + '7000')).toMatch(/more than 4 deep/);
  });

  it('refuses input over 2048 bytes', () => {
    expect(refusal('9F10820801' + 'AB'.repeat(2049))).toMatch(/at most 2048 bytes/);
  });
});

/** A tag of the given class bits: one byte, or 1F-form two bytes. */
const primitiveTag = fc.oneof(
  fc.integer({ min: 0x01, max: 0x1e }).map((n) => (0x40 | n).toString(16).toUpperCase().padStart(2, '0')),
  fc.integer({ min: 0x01, max: 0x7f }).map((n) => `9F${n.toString(16).toUpperCase().padStart(2, '0')}`),
  fc.integer({ min: 0x01, max: 0x7f }).map((n) => `DF81${n.toString(16).toUpperCase().padStart(2, '0')}`),
);
const primitive: fc.Arbitrary<Tlv> = fc.record({
  tag: primitiveTag,
  value: fc.uint8Array({ maxLength: 300 }),
});
const tree: fc.Arbitrary<Tlv> = fc.letrec<{ node: Tlv }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 4, withCrossShrink: true },
    primitive,
    fc
      .array(tie('node'), { maxLength: 3 })
      .map((children) => ({ tag: '70', value: new Uint8Array(), children })),
  ),
})).node;

/** A decoded tree with its constructed values filled in, to compare with what decode returns. */
function normalized(nodes: Tlv[]): Tlv[] {
  return nodes.map((n) =>
    n.children ? { tag: n.tag, value: fromHex(encodeTlv(n.children)), children: normalized(n.children) } : n,
  );
}

describe('encodeTlv / decodeTlv', () => {
  it('round-trips any tree of primitive and constructed objects', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), (nodes) => {
        const hex = encodeTlv(nodes);
        fc.pre(hex.length <= 4096);
        const decoded = decodeTlv(hex);
        expect(decoded).toEqual(normalized(nodes));
        expect(encodeTlv(decoded)).toBe(hex);
      }),
    );
  });

  it('uses the shortest length form', () => {
    expect(encodeTlv([{ tag: '9F10', value: bytes(127) }]).slice(4, 6)).toBe('7F');
    expect(encodeTlv([{ tag: '9F10', value: bytes(128) }]).slice(4, 8)).toBe('8180');
    expect(encodeTlv([{ tag: '9F10', value: bytes(256) }]).slice(4, 10)).toBe('820100');
  });
});

/** Every refusal is one of these forms: a rule, a byte offset or a tag, never a value. */
const SAFE_MESSAGE =
  /^emvData (must be text \(hex-encoded BER-TLV\)|must be hexadecimal: an even number of digits 0-9, A-F|is empty|must be at most 2048 bytes|has no valid tag at byte \d+|ends inside a tag at byte \d+|has a tag longer than 3 bytes at byte \d+|nests constructed tags more than \d deep|tag [0-9A-F]{2,6} (has no length|ends inside its length|uses the indefinite length form, which is not accepted|has a length of \d+ bytes \(at most 2 are accepted\)|declares \d+ bytes but only \d+ follow))$/;

describe('decodeTlv on malformed input', () => {
  it('throws only its validation error, whose message never carries the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('hex')),
        ),
        (raw) => {
          try {
            decodeTlv(raw);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect((e as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
            expect((e as DomainError).message).toMatch(SAFE_MESSAGE);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses a valid stream with bytes cut off or appended', () => {
    fc.assert(
      fc.property(fc.array(primitive, { minLength: 1, maxLength: 4 }), fc.nat(), (nodes, cut) => {
        const hex = encodeTlv(nodes);
        const cutAt = 2 * (cut % (hex.length / 2));
        if (cutAt > 0) expect(() => decodeTlv(hex.slice(0, cutAt))).not.toThrow(TypeError);
        expect(() => decodeTlv(`${hex}9F`)).toThrow(DomainError);
      }),
    );
  });
});
