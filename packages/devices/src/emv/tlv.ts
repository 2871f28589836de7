import { fromHex, toHex } from './hex.js';

/**
 * BER-TLV as EMV uses it (EMV Book 3, annex B): a tag of one or more bytes (a first byte whose
 * low five bits are all set continues; so does a next byte with its high bit set), a definite
 * length (short form below 128, else 81 xx / 82 xx xx), then the value. A constructed tag (bit 6
 * of its first byte) holds more data objects.
 */
export interface DataObject {
  /** Upper-case hex, e.g. "9F26". */
  tag: string;
  /** Primitive: the value as upper-case hex. Constructed: its data objects. */
  value: string | DataObject[];
}

function checkTag(tag: string): Uint8Array {
  const bytes = fromHex(tag);
  const valid =
    bytes.length > 0 &&
    ((bytes[0] & 0x1f) !== 0x1f
      ? bytes.length === 1
      : bytes.length > 1 &&
        bytes.slice(1, -1).every((b) => (b & 0x80) !== 0) &&
        (bytes[bytes.length - 1] & 0x80) === 0);
  if (!valid) throw new RangeError(`Not a BER-TLV tag: ${tag}`);
  return bytes;
}

export function isConstructed(tag: string): boolean {
  return (fromHex(tag.slice(0, 2))[0] & 0x20) !== 0;
}

function lengthOf(n: number): string {
  if (n < 0x80) return n.toString(16).padStart(2, '0');
  if (n <= 0xff) return `81${n.toString(16).padStart(2, '0')}`;
  if (n <= 0xffff) return `82${n.toString(16).padStart(4, '0')}`;
  throw new RangeError('A data object longer than 65535 bytes');
}

/** Encodes data objects, in order, as upper-case hex. */
export function encodeTlv(objects: DataObject[]): string {
  let out = '';
  for (const { tag, value } of objects) {
    const tagBytes = checkTag(tag);
    const constructed = (tagBytes[0] & 0x20) !== 0;
    if (constructed !== Array.isArray(value))
      throw new TypeError(`Tag ${tag} is ${constructed ? 'constructed' : 'primitive'}`);
    const body = Array.isArray(value) ? encodeTlv(value) : toHex(fromHex(value));
    out += toHex(tagBytes) + lengthOf(body.length / 2).toUpperCase() + body;
  }
  return out;
}

/**
 * Decodes hex BER-TLV into data objects (constructed ones recursed). Strict: a truncated object,
 * an indefinite or over-long length, or odd hex throws. The terminal only reads what the
 * platform sends back (the issuer response: 8A, 91), so this is deliberately small.
 */
export function decodeTlv(hex: string): DataObject[] {
  return decodeBytes(fromHex(hex));
}

function decodeBytes(bytes: Uint8Array): DataObject[] {
  const out: DataObject[] = [];
  let i = 0;
  const need = (n: number) => {
    if (i + n > bytes.length) throw new RangeError('Truncated BER-TLV');
  };
  while (i < bytes.length) {
    const start = i;
    need(1);
    if ((bytes[i++] & 0x1f) === 0x1f) {
      do need(1);
      while (bytes[i++] & 0x80);
    }
    const tagBytes = bytes.slice(start, i);
    need(1);
    let length = bytes[i++];
    if (length === 0x81 || length === 0x82) {
      const size = length - 0x80;
      need(size);
      length = size === 1 ? bytes[i] : (bytes[i] << 8) | bytes[i + 1];
      i += size;
    } else if (length >= 0x80) throw new RangeError('Unsupported BER-TLV length');
    need(length);
    const value = bytes.slice(i, i + length);
    i += length;
    const tag = toHex(tagBytes);
    out.push({ tag, value: (tagBytes[0] & 0x20) !== 0 ? decodeBytes(value) : toHex(value) });
  }
  return out;
}

/** The first primitive value of a tag, searching constructed objects too. */
export function findTag(objects: DataObject[], tag: string): string | undefined {
  for (const o of objects) {
    if (o.tag === tag.toUpperCase() && typeof o.value === 'string') return o.value;
    if (Array.isArray(o.value)) {
      const inner = findTag(o.value, tag);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}
