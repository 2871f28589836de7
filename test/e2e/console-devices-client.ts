import { createHmac, randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { FUTURE, nvp } from './payments-client';

/**
 * What the console's device pages need from the server, made the way a terminal and a check
 * scanner would make it: a chip sale with real BER-TLV and a valid sandbox cryptogram
 * (devices.md), and an eCheck with scanned PNG images.
 */

/** One BER-TLV data object; the tags used here are one or two bytes, the values short. */
const tlv = (tag: string, valueHex: string): string => {
  const length = valueHex.length / 2;
  const len =
    length < 0x80 ? length.toString(16).padStart(2, '0') : `81${length.toString(16).padStart(2, '0')}`;
  return `${tag}${len}${valueHex}`.toUpperCase();
};
const ascii = (text: string) => Buffer.from(text, 'ascii').toString('hex');

/** 9F26 as the sandbox issuer checks it: HMAC-SHA256 over 9F02|5F2A|9A|9C|9F37|9F36|5A, first 8 bytes. */
const sandboxCryptogram = (signed: string[]) =>
  createHmac('sha256', Buffer.from('sandbox-issuer-key-0001', 'utf8'))
    .update(signed.map((v) => v.toUpperCase()).join('|'))
    .digest()
    .subarray(0, 8)
    .toString('hex')
    .toUpperCase();

export interface ChipRead {
  pan: string;
  amount: string;
  /** 9F34 says the cardholder entered a PIN that the card verified. */
  pin?: boolean;
  label?: string;
  aid?: string;
  /** 9F27: 80 ARQC (online), 40 TC. */
  cid?: string;
}

/** A chip read as hex BER-TLV: card (5A, 5F24), application, terminal results and the cryptogram. */
export function chipEmvData({
  pan,
  amount,
  pin = false,
  label = 'VISA DEBIT',
  aid = 'A0000000031010',
  cid = '80',
}: ChipRead): string {
  const [month, year] = FUTURE.split('/');
  const today = new Date();
  const values: Record<string, string> = {
    '5A': pan,
    '5F24': `${year}${month}31`,
    '50': ascii(label),
    '84': aid,
    '82': '1980',
    '95': '0000008000',
    '9B': 'E800',
    '9A': [today.getUTCFullYear() % 100, today.getUTCMonth() + 1, today.getUTCDate()]
      .map((n) => String(n).padStart(2, '0'))
      .join(''),
    '9C': '00',
    '9F02': String(Math.round(Number(amount) * 100)).padStart(12, '0'),
    '5F2A': '0840',
    '9F10': '06010A03A00000',
    '9F27': cid,
    '9F36': '0001',
    '9F37': randomBytes(4).toString('hex').toUpperCase(),
    '9F34': pin ? '410302' : '1F0302',
  };
  values['9F26'] = sandboxCryptogram(
    ['9F02', '5F2A', '9A', '9C', '9F37', '9F36', '5A'].map((tag) => values[tag]),
  );
  return Object.entries(values)
    .map(([tag, value]) => tlv(tag, value))
    .join('');
}

/** An approved chip sale over NVP (cardPresentStatus=PresentEMV) at the merchant's 001/001. */
export async function chipSaleOn(merchantId: string, read: ChipRead): Promise<string> {
  const r = await nvp({
    merchantID: merchantId,
    storeID: '001',
    terminalID: '001',
    transactionType: 'CreditCard',
    transactionAction: 'Sale',
    amount: read.amount,
    cardPresentStatus: 'PresentEMV',
    emvData: chipEmvData(read),
  });
  expect(r.status, r.text).toBe(200);
  expect(r.fields.responseCode, r.text).toBe('000');
  return r.fields.transactionID;
}

/** A keyed sale on the merchant's first outlet: its transaction ID. */
export async function keyedSaleOn(merchantId: string, amount = '12.00'): Promise<string> {
  const r = await nvp({
    merchantID: merchantId,
    storeID: '001',
    terminalID: '001',
    transactionType: 'CreditCard',
    transactionAction: 'Sale',
    amount,
    cardNumber: '4111111111111111',
    cardExpiration: '12/40',
  });
  expect(r.status, r.text).toBe(200);
  expect(r.fields.responseCode, r.text).toBe('000');
  return r.fields.transactionID;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A real PNG (8-bit RGB) of a check-like card: paper colour with a darker MICR band at the bottom. */
export function checkPng(width: number, height: number, paper: [number, number, number]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const micr = y > height * 0.8 && x % 7 < 4;
      const [r, g, b] = micr ? [40, 40, 40] : paper;
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const CHECK = {
  routingNumber: '011000015',
  accountNumber: '123456789',
  accountType: 'Checking',
  checkNumber: '1042',
  accountHolderName: 'Pat Doe',
};

/** An eCheck sale with the scanned check's front and back (checkPresentStatus=Present). */
export async function scannedCheckSaleOn(merchantId: string, amount = '64.00'): Promise<string> {
  const r = await nvp({
    merchantID: merchantId,
    storeID: '001',
    terminalID: '001',
    transactionType: 'eCheck',
    transactionAction: 'Sale',
    amount,
    ...CHECK,
    checkPresentStatus: 'Present',
    checkFrontImage: checkPng(400, 180, [236, 240, 228]).toString('base64'),
    checkBackImage: checkPng(400, 180, [244, 244, 244]).toString('base64'),
  });
  expect(r.status, r.text).toBe(200);
  expect(r.fields.responseCode, r.text).toBe('000');
  return r.fields.transactionID;
}
