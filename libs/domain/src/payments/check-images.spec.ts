import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { decodeStrictBase64, MAX_CHECK_IMAGE_BYTES, parseCheckImages, sniffCheckImage } from './check-images';

const PNG_HEAD = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const png = (body = Buffer.from('pixels')) => Buffer.concat([PNG_HEAD, body]);
const jpeg = (body = Buffer.from('pixels')) => Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), body]);
const b64 = (b: Buffer) => b.toString('base64');

function fieldErrors(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.details.fieldErrors ?? [];
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('sniffCheckImage', () => {
  it('knows PNG and JPEG by their magic bytes', () => {
    expect(sniffCheckImage(png())).toBe('image/png');
    expect(sniffCheckImage(jpeg())).toBe('image/jpeg');
    expect(sniffCheckImage(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffCheckImage(PNG_HEAD.subarray(0, 8))).toBeNull();
    expect(sniffCheckImage(Buffer.from('ffd8ff', 'hex'))).toBeNull();
  });

  it('never calls random bytes a PNG unless they start with the signature and IHDR', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const isPng = sniffCheckImage(bytes) === 'image/png';
        expect(isPng).toBe(Buffer.from(bytes.subarray(0, 16)).equals(PNG_HEAD));
      }),
    );
  });

  it('never calls random bytes a JPEG unless they start with FF D8 FF', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        if (sniffCheckImage(bytes) === 'image/jpeg')
          expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      }),
    );
  });
});

describe('decodeStrictBase64', () => {
  it('round-trips any bytes, and tolerates MIME line breaks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        const text = b64(Buffer.from(bytes));
        expect(decodeStrictBase64(text)?.equals(Buffer.from(bytes))).toBe(true);
        const wrapped = text.replace(/(.{76})/g, '$1\r\n');
        expect(decodeStrictBase64(wrapped)?.equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it.each([
    ['', 'empty'],
    ['QUJD RA==', 'a space'],
    ['QUJDRA=', 'missing padding'],
    ['QUJDRA', 'no padding'],
    ['QU=JDRA=', 'padding in the middle'],
    ['QUJDRB==', 'stray bits in the last character'],
    ['QUJD-_==', 'base64url characters'],
    ['data:image/png;base64,QUJD', 'a data URL'],
  ])('refuses %j (%s)', (text) => {
    expect(decodeStrictBase64(text)).toBeNull();
  });

  it('refuses any text with a character outside the alphabet', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 3, maxLength: 30 }),
        fc.constantFrom('-', '_', '.', '*', '!', ' ', '\t', 'é'),
        fc.nat(),
        (bytes, bad, at) => {
          const text = b64(Buffer.from(bytes));
          const i = at % text.length;
          expect(decodeStrictBase64(text.slice(0, i) + bad + text.slice(i + 1))).toBeNull();
        },
      ),
    );
  });
});

describe('parseCheckImages', () => {
  const present = { checkPresentStatus: 'Present' };

  it('is undefined when no image is sent', () => {
    expect(parseCheckImages({ checkPresentStatus: 'Present' })).toBeUndefined();
    expect(parseCheckImages({ checkFrontImage: '', checkBackImage: null })).toBeUndefined();
  });

  it('reads the front alone, or both sides, with the sniffed types', () => {
    const one = parseCheckImages({ ...present, checkFrontImage: b64(png()) });
    expect(one).toEqual({ front: { bytes: png(), contentType: 'image/png' } });
    const both = parseCheckImages({
      checkPresentStatus: 'present',
      checkFrontImage: b64(png()),
      checkBackImage: b64(jpeg()),
    });
    expect(both?.back).toEqual({ bytes: jpeg(), contentType: 'image/jpeg' });
  });

  it('refuses images unless the check is present, and a back without its front', () => {
    expect(fieldErrors(() => parseCheckImages({ checkFrontImage: b64(png()) }))).toEqual([
      {
        field: 'checkFrontImage',
        message: 'checkFrontImage is accepted only with checkPresentStatus Present',
      },
    ]);
    expect(fieldErrors(() => parseCheckImages({ ...present, checkBackImage: b64(png()) }))).toEqual([
      { field: 'checkBackImage', message: 'checkBackImage needs checkFrontImage (send the front too)' },
    ]);
  });

  it('reports every bad image at once, by field, never echoing the data', () => {
    const secret = b64(Buffer.from('ACCOUNT 123456789 not an image'));
    const errors = fieldErrors(() =>
      parseCheckImages({ ...present, checkFrontImage: secret, checkBackImage: 'not base64!' }),
    );
    expect(errors).toEqual([
      { field: 'checkFrontImage', message: 'checkFrontImage must be a PNG or JPEG image' },
      {
        field: 'checkBackImage',
        message: 'checkBackImage must be standard base64 (A-Z a-z 0-9 + /, padded with =)',
      },
    ]);
    expect(JSON.stringify(errors)).not.toContain(secret.slice(0, 12));
  });

  it('refuses an image over 1 MiB decoded, and a value that is not text', () => {
    const big = b64(png(Buffer.alloc(MAX_CHECK_IMAGE_BYTES)));
    expect(fieldErrors(() => parseCheckImages({ ...present, checkFrontImage: big }))).toEqual([
      {
        field: 'checkFrontImage',
        message: `checkFrontImage must be at most ${MAX_CHECK_IMAGE_BYTES} bytes (1 MiB) decoded`,
      },
    ]);
    const exact = png(Buffer.alloc(MAX_CHECK_IMAGE_BYTES - PNG_HEAD.length));
    expect(parseCheckImages({ ...present, checkFrontImage: b64(exact) })?.front.bytes.length).toBe(
      MAX_CHECK_IMAGE_BYTES,
    );
    expect(fieldErrors(() => parseCheckImages({ ...present, checkFrontImage: 42 }))).toEqual([
      { field: 'checkFrontImage', message: 'checkFrontImage must be base64 text' },
    ]);
  });
});
