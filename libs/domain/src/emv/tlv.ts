import { DomainError } from '../errors/domain-error';

/**
 * One BER-TLV data object (ISO/IEC 8825-1 as EMV Book 3 annex B uses it). `tag` is upper-case
 * hex of the tag bytes ("9F02"); a constructed object (bit 6 of its first tag byte set) also has
 * its decoded `children`, and `value` is then their encoding.
 */
export interface Tlv {
  tag: string;
  value: Uint8Array;
  children?: Tlv[];
}

/** Longest chip data accepted (bytes): a terminal's whole data set is a few hundred bytes. */
export const MAX_TLV_BYTES = 2048;
/** Tags longer than this are no EMV tag (EMV uses one or two bytes; three are allowed in BER). */
const MAX_TAG_BYTES = 3;
/** Constructed objects nest only a few deep in chip data; deeper is refused, not recursed. */
const MAX_DEPTH = 4;

/**
 * The only error this module throws: `emvData` with what is wrong and where (a byte offset or a
 * tag), never any byte of the value, which may be card data.
 */
export function tlvError(problem: string): DomainError {
  return DomainError.validation([{ field: 'emvData', message: `emvData ${problem}` }]);
}

const HEX = /^(?:[0-9A-Fa-f]{2})*$/;

/** Upper-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out.toUpperCase();
}

/** Bytes of an even-length hex string; anything else is refused. */
export function fromHex(hex: string): Uint8Array {
  if (!HEX.test(hex)) throw tlvError('must be hexadecimal: an even number of digits 0-9, A-F');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

const isConstructed = (firstTagByte: number) => (firstTagByte & 0x20) !== 0;

/** Reads a tag at `at`; returns it and the offset after it. */
function readTag(bytes: Uint8Array, at: number): [string, number] {
  const first = bytes[at];
  if (first === 0x00 || first === 0xff) throw tlvError(`has no valid tag at byte ${at}`);
  let end = at + 1;
  if ((first & 0x1f) === 0x1f) {
    // Subsequent tag bytes carry bit 8 while more follow.
    for (;;) {
      if (end >= bytes.length) throw tlvError(`ends inside a tag at byte ${at}`);
      const b = bytes[end++];
      if (end - at > MAX_TAG_BYTES)
        throw tlvError(`has a tag longer than ${MAX_TAG_BYTES} bytes at byte ${at}`);
      if ((b & 0x80) === 0) break;
    }
  }
  return [toHex(bytes.subarray(at, end)), end];
}

/** Reads a length at `at` (short form, or long form 81/82); returns it and the offset after it. */
function readLength(bytes: Uint8Array, at: number, tag: string): [number, number] {
  if (at >= bytes.length) throw tlvError(`tag ${tag} has no length`);
  const first = bytes[at];
  if (first < 0x80) return [first, at + 1];
  if (first === 0x80) throw tlvError(`tag ${tag} uses the indefinite length form, which is not accepted`);
  const count = first & 0x7f;
  if (count > 2) throw tlvError(`tag ${tag} has a length of ${count} bytes (at most 2 are accepted)`);
  if (at + 1 + count > bytes.length) throw tlvError(`tag ${tag} ends inside its length`);
  let length = 0;
  for (let i = 1; i <= count; i++) length = length * 256 + bytes[at + i];
  return [length, at + 1 + count];
}

function decodeAll(bytes: Uint8Array, depth: number): Tlv[] {
  if (depth > MAX_DEPTH) throw tlvError(`nests constructed tags more than ${MAX_DEPTH} deep`);
  const out: Tlv[] = [];
  let at = 0;
  while (at < bytes.length) {
    const [tag, afterTag] = readTag(bytes, at);
    const [length, start] = readLength(bytes, afterTag, tag);
    const end = start + length;
    if (end > bytes.length)
      throw tlvError(`tag ${tag} declares ${length} bytes but only ${bytes.length - start} follow`);
    const value = bytes.slice(start, end);
    const node: Tlv = { tag, value };
    if (isConstructed(bytes[at])) node.children = decodeAll(value, depth + 1);
    out.push(node);
    at = end;
  }
  return out;
}

/**
 * Decodes hex BER-TLV strictly: every byte must belong to a data object (no trailing or padding
 * bytes), lengths are definite (short form, 81 or 82), values are complete, constructed objects
 * are decoded recursively. Anything else is a validation error naming the problem, never a value.
 */
export function decodeTlv(raw: unknown): Tlv[] {
  if (typeof raw !== 'string') throw tlvError('must be text (hex-encoded BER-TLV)');
  const hex = raw.trim();
  if (hex === '') throw tlvError('is empty');
  if (hex.length > MAX_TLV_BYTES * 2) throw tlvError(`must be at most ${MAX_TLV_BYTES} bytes`);
  return decodeAll(fromHex(hex), 0);
}

function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  if (length <= 0xff) return [0x81, length];
  if (length <= 0xffff) return [0x82, length >> 8, length & 0xff];
  throw new RangeError('A TLV value is at most 65535 bytes');
}

function encodeOne(node: Tlv): number[] {
  const tag = fromHex(node.tag);
  const value = node.children ? encodeBytes(node.children) : [...node.value];
  return [...tag, ...lengthBytes(value.length), ...value];
}

function encodeBytes(nodes: readonly Tlv[]): number[] {
  return nodes.flatMap(encodeOne);
}

/** Encodes data objects as upper-case hex BER-TLV (shortest definite lengths). */
export function encodeTlv(nodes: readonly Tlv[]): string {
  return toHex(Uint8Array.from(encodeBytes(nodes)));
}

/** Every primitive data object of a tree, constructed templates flattened (depth first). */
export function primitivesOf(nodes: readonly Tlv[]): Tlv[] {
  return nodes.flatMap((n) => (n.children ? primitivesOf(n.children) : [n]));
}
