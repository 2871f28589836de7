import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { amountMismatch, parseEmvData, pinVerifiedBy } from './emv-data';
import { encodeTlv, fromHex } from './tlv';

const PAN = '4761739001010119';
/** A chip read as a terminal sends it, each value hex; `omit` drops tags, `extra` adds or replaces. */
function chip(extra: Record<string, string> = {}, omit: string[] = []): string {
  const tags: Record<string, string> = {
    '5A': PAN,
    '5F24': '281231',
    '5F20': Buffer.from('DOE/PAT').toString('hex'),
    '50': Buffer.from('VISA DEBIT').toString('hex'),
    '84': 'A0000000031010',
    '82': '1980',
    '95': '0000008000',
    '9B': 'E800',
    '9A': '261201',
    '9C': '00',
    '9F02': '000000002500',
    '5F2A': '0840',
    '9F10': '06010A03A00000',
    '9F26': '1122334455667788',
    '9F27': '80',
    '9F36': '0001',
    '9F37': '1A2B3C4D',
    '9F34': '1F0302',
    ...extra,
  };
  for (const t of omit) delete tags[t];
  return encodeTlv(Object.entries(tags).map(([tag, v]) => ({ tag, value: fromHex(v) })));
}

function messages(raw: unknown): string[] {
  try {
    parseEmvData(raw);
  } catch (e) {
    if (e instanceof DomainError) return (e.details.fieldErrors ?? []).map((f) => f.message);
    throw e;
  }
  throw new Error('expected the chip data to be refused');
}

describe('parseEmvData', () => {
  it('reads the card, the receipt fields and the signed values', () => {
    const card = parseEmvData(chip());
    expect(card).toMatchObject({
      pan: PAN,
      expMonth: 12,
      expYear: 2028,
      holderName: 'PAT DOE',
      applicationId: 'A0000000031010',
      applicationLabel: 'VISA DEBIT',
      tvr: '0000008000',
      tsi: 'E800',
      cryptogram: '1122334455667788',
      cryptogramType: 'ARQC',
      amountAuthorisedCents: 2500,
      pinVerified: false,
      signed: {
        amount: '000000002500',
        currency: '0840',
        date: '261201',
        type: '00',
        unpredictableNumber: '1A2B3C4D',
        atc: '0001',
        pan: PAN,
      },
    });
  });

  it('reads a template (70/77) as well as a flat list', () => {
    const flat = chip();
    const wrapped = encodeTlv([{ tag: '77', value: new Uint8Array(), children: [] }]).slice(0, 2);
    const inTemplate = `${wrapped}82${(flat.length / 2).toString(16).padStart(4, '0')}${flat}`;
    expect(parseEmvData(inTemplate).pan).toBe(PAN);
  });

  it('takes the PAN, expiry and service code from 57 when 5A and 5F24 are absent', () => {
    const card = parseEmvData(chip({ '57': `${PAN}D28122011234567F` }, ['5A', '5F24']));
    expect(card).toMatchObject({ pan: PAN, expMonth: 12, expYear: 2028, serviceCode: '201' });
    expect(card.signed.pan).toBe(PAN);
  });

  it('strips the F pad of an odd-length PAN but signs 5A as sent', () => {
    const card = parseEmvData(chip({ '5A': '371449635398431F' }));
    expect(card.pan).toBe('371449635398431');
    expect(card.signed.pan).toBe('371449635398431F');
  });

  it('names the cryptogram type from 9F27', () => {
    expect(parseEmvData(chip({ '9F27': '40' })).cryptogramType).toBe('TC');
    expect(parseEmvData(chip({ '9F27': '00' })).cryptogramType).toBe('AAC');
    expect(messages(chip({ '9F27': 'C0' }))).toContain(
      'emvData tag 9F27 (cryptogram information data) names no cryptogram type',
    );
  });

  it('takes 4F when 84 is absent, and needs one of them', () => {
    expect(parseEmvData(chip({ '4F': 'A0000000041010' }, ['84'])).applicationId).toBe('A0000000041010');
    expect(messages(chip({}, ['84']))).toEqual([
      'emvData tag 84 (dedicated file name (AID)) (or 4F) is required',
    ]);
  });

  it('reports every missing required tag at once, by tag', () => {
    expect(messages(chip({}, ['9F26', '9F37', '95']))).toEqual([
      'emvData tag 9F26 (application cryptogram) is required',
      'emvData tag 9F37 (unpredictable number) is required',
      'emvData tag 95 (terminal verification results) is required',
    ]);
  });

  it('needs a card: 5A or 57, and an expiry', () => {
    expect(messages(chip({}, ['5A']))).toEqual(['emvData tag 5A (application PAN) (or 57) is required']);
    expect(messages(chip({}, ['5F24']))).toEqual([
      'emvData tag 5F24 (application expiration date) (or 57) is required',
    ]);
  });

  it('refuses wrong lengths, a non-numeric amount, a bad date and disagreeing PANs without echoing them', () => {
    const found = messages(
      chip({
        '9F02': '00000000250A',
        '9F26': '11223344',
        '5F24': '281331',
        '57': `4111111111111111D28122011234567F`,
      }),
    );
    expect(found).toEqual([
      'emvData tag 9F26 (application cryptogram) must be 8 bytes',
      'emvData tag 5F24 (application expiration date) is not a date (YYMMDD)',
      'emvData tags 5A and 57 name different cards',
      'emvData tag 9F02 (amount authorised) is not a number',
    ]);
    expect(found.join(' ')).not.toContain(PAN);
    expect(found.join(' ')).not.toContain('4111111111111111');
  });

  it('refuses a tag sent twice', () => {
    const twice = chip() + encodeTlv([{ tag: '9F02', value: fromHex('000000009900') }]);
    expect(messages(twice)).toEqual(['emvData tag 9F02 (amount authorised) appears more than once']);
  });

  it('words an amount mismatch with 9F02 and the request amount only', () => {
    expect(amountMismatch(parseEmvData(chip({ '9F02': '000000002600' })), '25.00')).toEqual({
      field: 'emvData',
      message: 'emvData tag 9F02 (amount authorised) 000000002600 does not match amount 25.00',
    });
  });

  it('never throws anything but its validation error, and never echoes the card number', () => {
    fc.assert(
      fc.property(fc.nat({ max: 200 }), fc.nat(), (cut, flip) => {
        const hex = chip();
        const i = (flip % (hex.length / 2)) * 2;
        const mutated =
          hex.slice(0, i) +
          (parseInt(hex.slice(i, i + 2), 16) ^ (flip & 0xff || 1)).toString(16).padStart(2, '0') +
          hex.slice(i + 2);
        for (const raw of [hex.slice(0, hex.length - 2 * cut), mutated]) {
          try {
            parseEmvData(raw);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect((e as DomainError).message).not.toContain(PAN);
            expect((e as DomainError).message).not.toContain('DOE/PAT');
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('pinVerifiedBy (9F34)', () => {
  it.each([
    ['1F0302', false, 'no CVM'],
    ['1E0302', false, 'signature'],
    ['010002', true, 'offline plaintext PIN, successful'],
    ['040002', true, 'offline enciphered PIN, successful'],
    ['420300', true, 'online PIN, result unknown until the issuer checks it'],
    ['420301', false, 'online PIN, failed'],
    ['410001', false, 'offline PIN, failed'],
    ['0100', false, 'wrong length'],
  ])('%s → %s (%s)', (hex, expected) => {
    expect(pinVerifiedBy(fromHex(hex))).toBe(expected);
  });
});
