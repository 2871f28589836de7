import { DomainError, type FieldError } from '../errors/domain-error';
import { holderNameOf } from '../payments/track';
import { REQUIRED_EMV_TAGS, tagLabel } from './tags';
import { decodeTlv, primitivesOf, type Tlv, toHex } from './tlv';

export type CryptogramType = 'ARQC' | 'TC' | 'AAC';

/**
 * The values the sandbox issuer's cryptogram covers (devices.md), as the upper-case hex the card
 * signed: amount 9F02, currency 5F2A, date 9A, type 9C, unpredictable number 9F37, ATC 9F36,
 * and the PAN (5A's hex, or the PAN digits of 57 when 5A is absent).
 */
export interface EmvSignedData {
  amount: string;
  currency: string;
  date: string;
  type: string;
  unpredictableNumber: string;
  atc: string;
  pan: string;
}

/**
 * Chip data as the core uses it. `pan`, `expMonth`, `expYear`, `holderName` and `serviceCode` are
 * card data: they live in memory for one request. The rest is what a receipt prints or what the
 * processor needs to check the cryptogram.
 */
export interface EmvCard {
  pan: string;
  expMonth: number;
  expYear: number;
  holderName?: string;
  serviceCode?: string;
  /** 84, else 4F. */
  applicationId: string;
  /** 50 as text, or 9F12 when 50 is absent. */
  applicationLabel?: string;
  tvr: string;
  tsi?: string;
  /** 9F34 as hex, when sent. */
  cvmResults?: string;
  pinVerified: boolean;
  cryptogram: string;
  cryptogramType: CryptogramType;
  amountAuthorisedCents: number;
  signed: EmvSignedData;
}

const field = 'emvData';

/** Collects the problems of one chip data set, so all are reported at once. */
class Problems {
  readonly list: FieldError[] = [];
  add(problem: string): undefined {
    this.list.push({ field, message: `${field} ${problem}` });
    return undefined;
  }
}

/** Top-level and template values by tag; a primitive tag sent twice is refused. */
function valuesByTag(nodes: Tlv[], problems: Problems): Map<string, Uint8Array> {
  const values = new Map<string, Uint8Array>();
  for (const node of primitivesOf(nodes)) {
    if (values.has(node.tag)) problems.add(`tag ${tagLabel(node.tag)} appears more than once`);
    else values.set(node.tag, node.value);
  }
  return values;
}

/** Compressed numeric (cn): digits, right-padded with F; no value is echoed. */
function compressedDigits(bytes: Uint8Array): string | undefined {
  const hex = toHex(bytes).replace(/F+$/, '');
  return /^\d+$/.test(hex) ? hex : undefined;
}

/** Numeric (n, BCD): digits only. */
function bcd(bytes: Uint8Array): string | undefined {
  const hex = toHex(bytes);
  return /^\d+$/.test(hex) ? hex : undefined;
}

/** YYMMDD or YYMM (BCD) → month and year; undefined if not a real month. */
function expiryOf(digits: string | undefined): { expMonth: number; expYear: number } | undefined {
  if (!digits || (digits.length !== 6 && digits.length !== 4)) return undefined;
  const expMonth = Number(digits.slice(2, 4));
  if (expMonth < 1 || expMonth > 12) return undefined;
  return { expMonth, expYear: 2000 + Number(digits.slice(0, 2)) };
}

/** Track 2 equivalent data (57): PAN, separator D, YYMM, service code, discretionary, F pad. */
function track2Of(bytes: Uint8Array) {
  const m = /^(\d{12,19})D(\d{4})(\d{3})\d*F?$/.exec(toHex(bytes));
  if (!m) return undefined;
  const expiry = expiryOf(m[2]);
  return expiry && { pan: m[1], ...expiry, serviceCode: m[3] };
}

/** Printable text (an, ans): the application label and the cardholder name. */
function ascii(bytes: Uint8Array): string | undefined {
  if (!bytes.every((b) => b >= 0x20 && b <= 0x7e)) return undefined;
  return String.fromCharCode(...bytes).trim() || undefined;
}

/** 9F27 bits 8-7: 00 AAC, 01 TC, 10 ARQC; 11 is reserved. */
function cryptogramTypeOf(cid: Uint8Array): CryptogramType | undefined {
  if (cid.length !== 1) return undefined;
  return (['AAC', 'TC', 'ARQC', undefined] as const)[cid[0] >> 6];
}

/**
 * 9F34 byte 1 (bits 6-1) is the method performed, byte 3 the result. PIN methods: 01 offline
 * plaintext, 02 online enciphered (result "unknown" until the issuer checks it), 03 offline
 * plaintext + signature, 04 offline enciphered, 05 offline enciphered + signature.
 */
export function pinVerifiedBy(cvmResults: Uint8Array | undefined): boolean {
  if (!cvmResults || cvmResults.length !== 3) return false;
  const method = cvmResults[0] & 0x3f;
  const result = cvmResults[2];
  if (method === 0x02) return result !== 0x01;
  return method >= 0x01 && method <= 0x05 && result === 0x02;
}

/** Fixed-length checks of the required tags (EMV Book 3 annex A lengths). */
const LENGTHS: Readonly<Record<string, number>> = {
  '9F26': 8,
  '9F27': 1,
  '9F36': 2,
  '9F37': 4,
  '95': 5,
  '9A': 3,
  '9C': 1,
  '9F02': 6,
  '5F2A': 2,
  '82': 2,
  '9B': 2,
  '9F34': 3,
  '5F24': 3,
};
/** Tags of bounded length: the receipt columns hold at most these. */
const MAX_LENGTHS: Readonly<Record<string, number>> = { '50': 16, '9F12': 16 };

function cardOf(values: Map<string, Uint8Array>, problems: Problems) {
  const pan5A = values.get('5A');
  const pan = pan5A && compressedDigits(pan5A);
  if (pan5A && (!pan || pan.length < 12 || pan.length > 19))
    problems.add(`tag ${tagLabel('5A')} is not a card number`);
  const t2raw = values.get('57');
  const track2 = t2raw && track2Of(t2raw);
  if (t2raw && !track2) problems.add(`tag ${tagLabel('57')} is not track 2 equivalent data`);
  const exp5F24 = values.get('5F24');
  const expiry = exp5F24 && expiryOf(bcd(exp5F24));
  if (exp5F24 && !expiry) problems.add(`tag ${tagLabel('5F24')} is not a date (YYMMDD)`);
  if (!pan5A && !t2raw) problems.add(`tag ${tagLabel('5A')} (or 57) is required`);
  else if (!exp5F24 && !t2raw) problems.add(`tag ${tagLabel('5F24')} (or 57) is required`);
  if (pan && track2 && pan !== track2.pan) problems.add('tags 5A and 57 name different cards');
  const card = { pan: pan ?? track2?.pan, expiry: expiry ?? track2 };
  return card.pan && card.expiry
    ? { pan: card.pan, ...card.expiry, serviceCode: track2?.serviceCode }
    : undefined;
}

/**
 * Parses a chip or contactless read (hex BER-TLV) into the record the core uses. Every missing or
 * malformed tag is reported at once under `emvData`, named by tag; no message carries a value.
 */
export function parseEmvData(raw: unknown): EmvCard {
  const problems = new Problems();
  const values = valuesByTag(decodeTlv(raw), problems);
  for (const tag of REQUIRED_EMV_TAGS) if (!values.has(tag)) problems.add(`tag ${tagLabel(tag)} is required`);
  if (!values.has('84') && !values.has('4F')) problems.add(`tag ${tagLabel('84')} (or 4F) is required`);
  for (const [tag, length] of Object.entries(LENGTHS)) {
    const v = values.get(tag);
    if (v && v.length !== length) problems.add(`tag ${tagLabel(tag)} must be ${length} bytes`);
  }
  for (const [tag, max] of Object.entries(MAX_LENGTHS)) {
    const v = values.get(tag);
    if (v && v.length > max) problems.add(`tag ${tagLabel(tag)} must be at most ${max} bytes`);
  }
  const card = cardOf(values, problems);
  const hexOf = (tag: string) => toHex(values.get(tag) ?? new Uint8Array());
  const amount = bcd(values.get('9F02') ?? new Uint8Array());
  if (values.get('9F02')?.length === 6 && !amount) problems.add(`tag ${tagLabel('9F02')} is not a number`);
  const cid = values.get('9F27');
  const cryptogramType = cid && cryptogramTypeOf(cid);
  if (cid?.length === 1 && !cryptogramType) problems.add(`tag ${tagLabel('9F27')} names no cryptogram type`);
  const aid = values.get('84') ?? values.get('4F');
  if (aid && (aid.length < 5 || aid.length > 16)) problems.add(`tag ${tagLabel('84')} must be 5 to 16 bytes`);
  // Every problem above is reported; the last guard only narrows the types for the compiler.
  if (problems.list.length || !card || !amount || !cryptogramType)
    throw DomainError.validation(
      problems.list.length ? problems.list : [{ field, message: `${field} is not valid chip data` }],
    );
  const label = values.get('50') ?? values.get('9F12');
  const name = values.get('5F20');
  const holderName = name && ascii(name) ? holderNameOf(ascii(name) as string) : undefined;
  const cvm = values.get('9F34');
  const record: EmvCard = {
    pan: card.pan,
    expMonth: card.expMonth,
    expYear: card.expYear,
    applicationId: hexOf(values.has('84') ? '84' : '4F'),
    tvr: hexOf('95'),
    pinVerified: pinVerifiedBy(cvm),
    cryptogram: hexOf('9F26'),
    cryptogramType,
    amountAuthorisedCents: Number(amount),
    signed: {
      amount,
      currency: hexOf('5F2A'),
      date: hexOf('9A'),
      type: hexOf('9C'),
      unpredictableNumber: hexOf('9F37'),
      atc: hexOf('9F36'),
      pan: pan5AHex(values) ?? card.pan,
    },
  };
  if (holderName) record.holderName = holderName;
  if (card.serviceCode) record.serviceCode = card.serviceCode;
  if (label && ascii(label)) record.applicationLabel = ascii(label);
  if (values.has('9B')) record.tsi = hexOf('9B');
  if (cvm) record.cvmResults = toHex(cvm);
  return record;
}

const pan5AHex = (values: Map<string, Uint8Array>) => {
  const v = values.get('5A');
  return v ? toHex(v) : undefined;
};

/** 9F02 as the amount it authorises, for a message: "000000002600" (not card data). */
export function amountMismatch(card: EmvCard, requestAmount: string): FieldError {
  return {
    field,
    message: `${field} tag ${tagLabel('9F02')} ${card.signed.amount} does not match amount ${requestAmount}`,
  };
}
