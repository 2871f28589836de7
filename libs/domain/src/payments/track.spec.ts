import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { isChipServiceCode, parseTrackData } from './track';

const PAN = '5500000000000004';
const T1 = `%B${PAN}^DOE/PAT^28121010000000000000?`;
const T2 = `;${PAN}=28121010000000000?`;
const MESSAGE = 'trackData is not valid track 1 or track 2 data';
const expected = { pan: PAN, expMonth: 12, expYear: 2028, serviceCode: '101' };

function rejection(raw: unknown): DomainError {
  try {
    parseTrackData(raw);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the track data to be refused');
}

describe('parseTrackData', () => {
  it('reads track 1 then track 2 as a keyboard reader types them', () => {
    expect(parseTrackData(`${T1}${T2}`)).toEqual({ ...expected, holderName: 'PAT DOE' });
    expect(parseTrackData(`${T1}${T2}\n`)).toEqual({ ...expected, holderName: 'PAT DOE' });
    expect(parseTrackData(`${T1}${T2}\r\n`)).toEqual({ ...expected, holderName: 'PAT DOE' });
    expect(parseTrackData(`${T1}\r${T2}\r`)).toEqual({ ...expected, holderName: 'PAT DOE' });
  });

  it('reads track 1 alone', () => {
    expect(parseTrackData(T1)).toEqual({ ...expected, holderName: 'PAT DOE' });
    expect(parseTrackData(`${T1}\n`)).toEqual({ ...expected, holderName: 'PAT DOE' });
  });

  it('reads track 2 alone, which carries no name', () => {
    expect(parseTrackData(T2)).toEqual(expected);
    expect(parseTrackData(`${T2}\r`)).toEqual(expected);
  });

  it('skips an LRC character after an end sentinel', () => {
    expect(parseTrackData(`${T1}Z${T2}5`)).toEqual({ ...expected, holderName: 'PAT DOE' });
    expect(parseTrackData(`${T1};${T2}`)).toEqual({ ...expected, holderName: 'PAT DOE' });
    expect(parseTrackData(`${T2}:\n`)).toEqual(expected);
  });

  it('turns SURNAME/GIVEN into a display name and trims padding', () => {
    const name = (n: string) => parseTrackData(`%B${PAN}^${n}^28121010000000000000?`).holderName;
    expect(name('DOE/PAT')).toBe('PAT DOE');
    expect(name('DOE/PAT                   ')).toBe('PAT DOE');
    expect(name('SMITH JR/JOHN Q')).toBe('JOHN Q SMITH JR');
    expect(name('CARDHOLDER')).toBe('CARDHOLDER');
    expect(name(' /')).toBeUndefined();
    expect(name('')).toBeUndefined();
  });

  it('reads an AMEX track 1 whose number is spaced, and 13- and 19-digit numbers', () => {
    expect(parseTrackData('%B3400 000000 00009^DOE/PAT^2812101?').pan).toBe('340000000000009');
    expect(parseTrackData(';4222222222222=30011010000?')).toEqual({
      pan: '4222222222222',
      expMonth: 1,
      expYear: 2030,
      serviceCode: '101',
    });
    expect(parseTrackData(';6011000000000000004=30011010000?').pan).toBe('6011000000000000004');
  });

  it('uses the good track when the reader reports the other unreadable', () => {
    expect(parseTrackData(`%E?${T2}`)).toEqual(expected);
    expect(parseTrackData(`${T1};E?`)).toEqual({ ...expected, holderName: 'PAT DOE' });
  });

  it.each([
    ['garbage', '%Bgarbage'],
    ['plain text', 'hello'],
    ['an empty string', ''],
    ['only whitespace', ' \r\n'],
    ['a bare card number', PAN],
    ['no end sentinel', `%B${PAN}^DOE/PAT^2812101`],
    ['no start sentinel', `B${PAN}^DOE/PAT^2812101?`],
    ['a wrong format code', `%A${PAN}^DOE/PAT^2812101?`],
    ['a short number', '%B411111111111^DOE/PAT^2812101?'],
    ['a 20-digit number', ';41111111111111111111=2812101?'],
    ['letters in the number', ';41111111a1111111=2812101?'],
    ['a missing separator', `;${PAN}2812101?`],
    ['a month 13', `;${PAN}=2813101?`],
    ['a month 00', `;${PAN}=2800101?`],
    ['no service code', `;${PAN}=2812?`],
    ['a name over 26 characters', `%B${PAN}^${'A'.repeat(27)}^2812101?`],
    ['letters in track 2 data', `;${PAN}=2812101ABC?`],
    ['track 2 before track 1', `${T2}${T1}`],
    ['track 1 twice', `${T1}${T1}`],
    ['three tracks', `${T1}${T2}${T2}`],
    ['trailing junk', `${T2}junk`],
    ['both tracks unreadable', '%E?;E?'],
    ['an overlong track 2', `;${PAN}=2812101${'0'.repeat(30)}?`],
    ['an overlong input', `${T1}${' '.repeat(200)}${T2}`],
  ])('refuses %s', (_what, raw) => {
    const error = rejection(raw);
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(error.message).toBe(MESSAGE);
    expect(error.details.fieldErrors).toEqual([{ field: 'trackData', message: MESSAGE }]);
  });

  it('refuses tracks that disagree on the card number or expiry', () => {
    expect(rejection(`${T1};4111111111111111=28121010000000000?`).message).toBe(MESSAGE);
    expect(rejection(`${T1};${PAN}=29121010000000000?`).message).toBe(MESSAGE);
  });

  it.each([undefined, null, 42, { track: T2 }, [T2]])('refuses the non-string %j', (raw) => {
    expect(rejection(raw).message).toBe(MESSAGE);
  });

  it('never puts any digits of the card number in an error', () => {
    const bad = [
      `%B${PAN}^DOE/PAT^2899101?`,
      `;${PAN}=2899101?`,
      `${T1};4111111111111111=28121010000000000?`,
      `;${PAN}=2812101x?`,
    ];
    for (const raw of bad) {
      const error = rejection(raw);
      const told = JSON.stringify({ message: error.message, details: error.details });
      expect(told.replaceAll('track 1 or track 2', '')).not.toMatch(/\d/);
      expect(told).not.toContain(PAN.slice(-4));
      expect(told).not.toContain('DOE');
    }
  });
});

describe('isChipServiceCode', () => {
  it('says a service code starting 2 or 6 is a chip card', () => {
    expect(parseTrackData(`;${PAN}=28122011234?`).serviceCode).toBe('201');
    expect(parseTrackData(`%B${PAN}^DOE/PAT^2812601?`).serviceCode).toBe('601');
    expect(['201', '221', '601', '620'].every(isChipServiceCode)).toBe(true);
    expect(['101', '121', '501', '701'].some(isChipServiceCode)).toBe(false);
  });
});
