import { AIDS, type TestCard } from '../cards.js';
import { sandboxCryptogram } from './cryptogram.js';
import { asciiHex, compressedNumeric, numeric } from './hex.js';
import { type DataObject, encodeTlv } from './tlv.js';
import { type Expiry, track2Equivalent } from './track.js';

/** What the cardholder verified with, as CVM results (9F34) record it. */
export type Cvm = 'pin' | 'signature' | 'none';

export interface ChipReadInput {
  card: TestCard;
  expiry: Expiry;
  /** Integer cents authorised (9F02). */
  amountCents: number;
  /** 9C: 00 goods and services, 20 refund. */
  transactionType: '00' | '20';
  contactless: boolean;
  cvm: Cvm;
  /** The terminal's date (9A). */
  date: Date;
  /** Application transaction counter, incremented by the card on every generate AC. */
  atc: number;
  /** Four random bytes from the terminal (9F37), upper-case hex. */
  unpredictableNumber: string;
  terminalSerial: string;
}

// CVM results (9F34): method, condition (03: if the terminal supports it), result (02 success,
// 00 unknown). 44 = enciphered PIN verified offline by the card; 1E = signature; 1F = no CVM.
const CVM_RESULTS: Record<Cvm, string> = { pin: '440302', signature: '1E0300', none: '1F0302' };

const yymmdd = (d: Date) =>
  `${String(d.getUTCFullYear() % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;

/** The last day of the expiry month, as 5F24 (YYMMDD) carries it. */
function expiryDate({ month, year }: Expiry): string {
  return yymmdd(new Date(Date.UTC(year, month, 0)));
}

/**
 * The data objects a terminal sends after the card's first generate AC (an ARQC: go online),
 * with every tag devices.md requires and a valid sandbox cryptogram over them. Answers hex TLV.
 */
export function chipData(input: ChipReadInput): { tlv: string; objects: DataObject[] } {
  const { card } = input;
  const aid = AIDS[card.brand];
  // The ATC is binary (two bytes), unlike the BCD amount and date.
  const ac = input.atc.toString(16).padStart(4, '0').toUpperCase();
  const signed = {
    '9F02': numeric(input.amountCents, 6),
    '5F2A': '0840',
    '9A': yymmdd(input.date),
    '9C': input.transactionType,
    '9F37': input.unpredictableNumber.toUpperCase(),
    '9F36': ac,
    '5A': compressedNumeric(card.pan),
  };
  const objects: DataObject[] = [
    { tag: '4F', value: aid },
    { tag: '50', value: asciiHex(card.label) },
    { tag: '57', value: track2Equivalent(card, input.expiry) },
    { tag: '5A', value: signed['5A'] },
    { tag: '5F20', value: asciiHex(card.holderName.slice(0, 26).padEnd(2)) },
    { tag: '5F24', value: expiryDate(input.expiry) },
    { tag: '5F2A', value: signed['5F2A'] },
    { tag: '5F34', value: '01' },
    { tag: '82', value: input.contactless ? '2000' : '1980' },
    { tag: '84', value: aid },
    { tag: '95', value: input.cvm === 'signature' ? '0000000000' : '0000008000' },
    { tag: '9A', value: signed['9A'] },
    { tag: '9B', value: input.cvm === 'pin' ? 'E800' : 'E000' },
    { tag: '9C', value: signed['9C'] },
    { tag: '9F02', value: signed['9F02'] },
    { tag: '9F03', value: '000000000000' },
    { tag: '9F06', value: aid },
    { tag: '9F09', value: '0096' },
    { tag: '9F10', value: `06010A03A0${input.cvm === 'pin' ? '0800' : '0000'}` },
    { tag: '9F1A', value: '0840' },
    { tag: '9F1E', value: asciiHex(input.terminalSerial.slice(-8).padStart(8, '0')) },
    { tag: '9F26', value: sandboxCryptogram(signed) },
    // 80: ARQC, the card asks to go online (the sandbox issuer decides).
    { tag: '9F27', value: '80' },
    { tag: '9F33', value: 'E0F8C8' },
    { tag: '9F34', value: CVM_RESULTS[input.cvm] },
    { tag: '9F35', value: '22' },
    { tag: '9F36', value: ac },
    { tag: '9F37', value: signed['9F37'] },
  ];
  if (input.contactless) objects.push({ tag: '9F6E', value: '20700000' });
  return { tlv: encodeTlv(objects), objects };
}
