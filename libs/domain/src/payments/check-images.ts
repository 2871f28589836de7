import { DomainError, type FieldError } from '../errors/domain-error';

export type CheckImageType = 'image/png' | 'image/jpeg';
export type CheckImageSide = 'FRONT' | 'BACK';

/** One scanned side of a paper check: the decoded bytes and the type their magic bytes show. */
export interface CheckImage {
  bytes: Buffer;
  contentType: CheckImageType;
}

/** A deposit's images: the front alone, or both sides (a back without its front is refused). */
export interface CheckImages {
  front: CheckImage;
  back?: CheckImage;
}

export interface CheckImagesInput {
  checkFrontImage?: unknown;
  checkBackImage?: unknown;
  checkPresentStatus?: unknown;
}

/** Each side at most 1 MiB decoded: a 200 dpi grey-scale scan is well under that. */
export const MAX_CHECK_IMAGE_BYTES = 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** "IHDR": a PNG's first chunk, right after the signature and the chunk's 4-byte length. */
const PNG_IHDR = [0x49, 0x48, 0x44, 0x52];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** The longest base64 text whose decoding can still fit the limit (checked before decoding). */
const MAX_BASE64_CHARS = Math.ceil(MAX_CHECK_IMAGE_BYTES / 3) * 4;

const startsWith = (bytes: Uint8Array, at: number, expected: readonly number[]) =>
  bytes.length >= at + expected.length && expected.every((b, i) => bytes[at + i] === b);

/**
 * The image type by magic bytes, never by what the sender says: a PNG's 8-byte signature and
 * its IHDR chunk, or a JPEG's start-of-image marker followed by another marker.
 */
export function sniffCheckImage(bytes: Uint8Array): CheckImageType | null {
  if (startsWith(bytes, 0, PNG_SIGNATURE) && startsWith(bytes, 12, PNG_IHDR)) return 'image/png';
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff]) && bytes.length >= 4) return 'image/jpeg';
  return null;
}

/**
 * Strict base64: the standard alphabet with its padding, nothing else (line breaks from MIME
 * encoders are removed first). Decoding and re-encoding must give the same text, so stray bits
 * in the last character or misplaced padding are refused rather than silently dropped.
 */
export function decodeStrictBase64(text: string): Buffer | null {
  const compact = text.replace(/[\r\n]/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  const bytes = Buffer.from(compact, 'base64');
  return bytes.toString('base64') === compact ? bytes : null;
}

function imageOf(field: string, raw: unknown, errors: FieldError[]): CheckImage | undefined {
  const add = (rule: string) => void errors.push({ field, message: `${field} ${rule}` });
  if (typeof raw !== 'string') return add('must be base64 text');
  // Never echo the value: it is a picture of a check (account number, signature).
  if (raw.replace(/[\r\n]/g, '').length > MAX_BASE64_CHARS)
    return add(`must be at most ${MAX_CHECK_IMAGE_BYTES} bytes (1 MiB) decoded`);
  const bytes = decodeStrictBase64(raw.trim());
  if (!bytes) return add('must be standard base64 (A-Z a-z 0-9 + /, padded with =)');
  if (bytes.length > MAX_CHECK_IMAGE_BYTES)
    return add(`must be at most ${MAX_CHECK_IMAGE_BYTES} bytes (1 MiB) decoded`);
  const contentType = sniffCheckImage(bytes);
  if (!contentType) return add('must be a PNG or JPEG image');
  return { bytes, contentType };
}

const absent = (raw: unknown) =>
  raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/**
 * A paper check's scanned images, sent with an eCheck whose check is present (a deposit at the
 * front desk). Every problem is reported at once, by field name; the image data never appears
 * in a message. Undefined when no image was sent.
 */
export function parseCheckImages(input: CheckImagesInput): CheckImages | undefined {
  const sentFront = !absent(input.checkFrontImage);
  const sentBack = !absent(input.checkBackImage);
  if (!sentFront && !sentBack) return undefined;
  const errors: FieldError[] = [];
  const status = typeof input.checkPresentStatus === 'string' ? input.checkPresentStatus.trim() : '';
  if (status.toLowerCase() !== 'present') {
    const field = sentFront ? 'checkFrontImage' : 'checkBackImage';
    errors.push({ field, message: `${field} is accepted only with checkPresentStatus Present` });
  }
  if (!sentFront)
    errors.push({
      field: 'checkBackImage',
      message: 'checkBackImage needs checkFrontImage (send the front too)',
    });
  const front = sentFront ? imageOf('checkFrontImage', input.checkFrontImage, errors) : undefined;
  const back = sentBack ? imageOf('checkBackImage', input.checkBackImage, errors) : undefined;
  if (errors.length || !front) throw DomainError.validation(errors);
  return back ? { front, back } : { front };
}
