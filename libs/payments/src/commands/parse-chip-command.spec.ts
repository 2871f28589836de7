import { describe, expect, it } from 'vitest';
import { CHIP_CARD_SWIPED, DomainError, encodeTlv, type FieldError, fromHex } from '@conduit/domain';
import type { PaymentInput } from '../payment-input';
import { parsePaymentCommand } from './parse-payment-command';
import { REST_PATHS } from './payment-fields';

const PAN = '4761739001010119';
/** A chip read (values hex) with `extra` tags added or replaced; the cryptogram is not checked here. */
const chip = (extra: Record<string, string> = {}) =>
  encodeTlv(
    Object.entries({
      '5A': PAN,
      '5F24': '301231',
      '84': 'A0000000031010',
      '50': Buffer.from('VISA DEBIT').toString('hex'),
      '82': '1980',
      '95': '0000008000',
      '9A': '261201',
      '9C': '00',
      '9F02': '000000002500',
      '5F2A': '0840',
      '9F10': '06010A03A00000',
      '9F26': '1122334455667788',
      '9F27': '80',
      '9F36': '0001',
      '9F37': '1A2B3C4D',
      '9F34': '420300',
      ...extra,
    }).map(([tag, v]) => ({ tag, value: fromHex(v) })),
  );

const sale = (card: PaymentInput['card'], amount = '25.00'): PaymentInput => ({
  channel: 'NVP',
  transactionAction: 'Sale',
  transactionType: 'DebitCard',
  merchantId: '6011000551245',
  storeId: '001',
  terminalId: '002',
  amount,
  card,
});

function refusal(raw: PaymentInput, names?: (f: string) => string): FieldError[] {
  try {
    parsePaymentCommand(raw, names);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).details.fieldErrors ?? [];
  }
  throw new Error('expected a refusal');
}

const rest = (f: string) => REST_PATHS.get(f) ?? f;

describe('parsePaymentCommand with chip data', () => {
  it('takes the card from emvData, defaulting to PresentEMV', () => {
    const c = parsePaymentCommand(sale({ emvData: chip() }));
    expect(c).toMatchObject({
      kind: 'card',
      amountCents: 2500,
      card: {
        cardPresentStatus: 'PresentEMV',
        source: { kind: 'emv', pan: PAN, expMonth: 12, expYear: 2030, chip: { pinVerified: true } },
      },
    });
  });

  it('accepts a contactless read', () => {
    const c = parsePaymentCommand(sale({ emvData: chip(), cardPresentStatus: 'MSDContactless' }));
    expect(c).toMatchObject({ card: { cardPresentStatus: 'MSDContactless' } });
  });

  it('refuses an amount other than the one the card authorised, naming 9F02', () => {
    expect(refusal(sale({ emvData: chip({ '9F02': '000000002600' }) }))).toEqual([
      {
        field: 'emvData',
        message: 'emvData tag 9F02 (amount authorised) 000000002600 does not match amount 25.00',
      },
    ]);
  });

  it('refuses a second card beside the chip data and a card-not-present status, in REST names', () => {
    const errors = refusal(
      sale({ emvData: chip(), cardNumber: '4111111111111111', cardPresentStatus: 'NotPresentInternet' }),
      rest,
    );
    expect(errors).toEqual([
      { field: 'Card.EMVData', message: 'Card.EMVData carries the card: send no Card.CardNumber with it' },
      {
        field: 'Card.CardPresentStatus',
        message: 'Card.CardPresentStatus must be PresentEMV or MSDContactless with Card.EMVData',
      },
    ]);
    expect(JSON.stringify(errors)).not.toContain('4111111111111111');
  });

  it('reports a missing tag in the caller’s name', () => {
    const noCryptogram = chip().replace(/9F26081122334455667788/, '');
    expect(refusal(sale({ emvData: noCryptogram }), rest)).toEqual([
      { field: 'Card.EMVData', message: 'Card.EMVData tag 9F26 (application cryptogram) is required' },
    ]);
  });
});

describe('parsePaymentCommand with a swiped chip card', () => {
  const track = `;${PAN}=30122011234567?`;

  it('refuses the swipe unless the request says the chip read failed', () => {
    expect(refusal(sale({ trackData: track }))).toEqual([{ field: 'trackData', message: CHIP_CARD_SWIPED }]);
  });

  it('accepts it as a swipe with fallback=true', () => {
    const c = parsePaymentCommand(sale({ trackData: track, fallback: 'true' }));
    expect(c).toMatchObject({
      card: { cardPresentStatus: 'PresentSwipeSign', source: { kind: 'track', pan: PAN } },
    });
    expect(JSON.stringify(c)).not.toContain('serviceCode');
  });

  it('takes a magnetic-stripe-only card (service code 101) without fallback', () => {
    const c = parsePaymentCommand(sale({ trackData: `;${PAN}=30121011234567?` }));
    expect(c).toMatchObject({ card: { source: { kind: 'track' } } });
  });

  it('refuses a fallback that is no flag', () => {
    expect(refusal(sale({ trackData: track, fallback: 'maybe' }))[0].field).toBe('fallback');
  });
});
