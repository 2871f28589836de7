/** Upper-case hex of bytes (EMV writes hex in upper case; the sandbox cryptogram needs it). */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out.toUpperCase();
}

export function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new TypeError('Not an even-length hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** ASCII text as hex (application label, cardholder name, authorisation response code). */
export function asciiHex(text: string): string {
  return toHex(new TextEncoder().encode(text));
}

/**
 * Digits as compressed numeric (cn: BCD, left-justified, padded with F), e.g. a PAN in 5A or
 * track 2 equivalent data in 57 (which uses D as the separator).
 */
export function compressedNumeric(digits: string): string {
  return (digits.length % 2 ? `${digits}F` : digits).toUpperCase();
}

/** A number as n-format BCD of `length` bytes, right-justified with zeros (9F02, 5F2A, 9F36). */
export function numeric(value: number | string, length: number): string {
  const digits = String(value);
  if (!/^\d+$/.test(digits) || digits.length > length * 2)
    throw new RangeError(`${digits} does not fit n${length * 2}`);
  return digits.padStart(length * 2, '0');
}
