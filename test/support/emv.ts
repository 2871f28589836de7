import { createHmac } from 'node:crypto';

// Test-only chip data: what a terminal sends, built from devices.md alone (not from the server's
// code), so the e2e tests check the server against the document.

/** The documented sandbox issuer key. */
const ISSUER_KEY = 'sandbox-issuer-key-0001';
/** A fixed unpredictable number: the audit searches the logs and the database for it. */
export const EMV_UNPREDICTABLE_NUMBER = '1A2B3C4D';

const lengthHex = (n: number) =>
  n < 0x80 ? hex1(n) : n <= 0xff ? `81${hex1(n)}` : `82${n.toString(16).padStart(4, '0')}`;
const hex1 = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();

/** BER-TLV of [tag, hex value] pairs, in order. */
export function tlv(objects: [string, string][]): string {
  return objects.map(([tag, value]) => `${tag}${lengthHex(value.length / 2)}${value}`.toUpperCase()).join('');
}

/** The sandbox cryptogram (devices.md): 8 bytes of HMAC-SHA256 over 9F02|5F2A|9A|9C|9F37|9F36|5A. */
export function sandboxCryptogram(values: Record<string, string>): string {
  const text = ['9F02', '5F2A', '9A', '9C', '9F37', '9F36', '5A']
    .map((t) => values[t].toUpperCase())
    .join('|');
  return createHmac('sha256', Buffer.from(ISSUER_KEY, 'utf8'))
    .update(text)
    .digest()
    .subarray(0, 8)
    .toString('hex')
    .toUpperCase();
}

export interface ChipOptions {
  pan: string;
  /** Cents the card signs (9F02). */
  amountCents: number;
  /** Cents the terminal then claims in 9F02 (a tampered terminal); default the signed amount. */
  claimedCents?: number;
  /** 9F34: PIN (offline plaintext, successful) or no CVM. */
  pin?: boolean;
  contactless?: boolean;
  omit?: string[];
  name?: string;
}

const amount12 = (cents: number) => String(cents).padStart(12, '0');

/** A chip read with a valid sandbox cryptogram over what the card signed. */
export function chipRead(o: ChipOptions): string {
  const pan = o.pan.length % 2 ? `${o.pan}F` : o.pan;
  const signed: Record<string, string> = {
    '9F02': amount12(o.amountCents),
    '5F2A': '0840',
    '9A': '261201',
    '9C': '00',
    '9F37': EMV_UNPREDICTABLE_NUMBER,
    '9F36': '0007',
    '5A': pan,
  };
  const objects: [string, string][] = [
    ['5A', pan],
    ['5F24', `${String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0')}1231`],
    ['5F20', Buffer.from(o.name ?? 'DOE/PAT').toString('hex')],
    ['4F', o.contactless ? 'A0000000041010' : 'A0000000031010'],
    ['50', Buffer.from(o.contactless ? 'MASTERCARD' : 'VISA DEBIT').toString('hex')],
    ['84', o.contactless ? 'A0000000041010' : 'A0000000031010'],
    ['82', '1980'],
    ['95', '0000008000'],
    ['9B', 'E800'],
    ['9A', signed['9A']],
    ['9C', signed['9C']],
    ['9F02', amount12(o.claimedCents ?? o.amountCents)],
    ['5F2A', signed['5F2A']],
    ['9F10', '06010A03A00000'],
    ['9F26', sandboxCryptogram(signed)],
    ['9F27', '80'],
    ['9F36', signed['9F36']],
    ['9F37', signed['9F37']],
    ['9F34', o.pin ? '010002' : '1F0302'],
  ];
  return tlv(objects.filter(([tag]) => !(o.omit ?? []).includes(tag)));
}
