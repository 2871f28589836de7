import { deflateSync } from 'node:zlib';

/** A grayscale bitmap: one byte per pixel, 0 black … 255 white, rows top to bottom. */
export interface Bitmap {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export function blankBitmap(width: number, height: number, shade = 255): Bitmap {
  return { width, height, pixels: new Uint8Array(width * height).fill(shade) };
}

export function fillRect(bitmap: Bitmap, x: number, y: number, w: number, h: number, shade = 0): void {
  for (let row = Math.max(0, y); row < Math.min(bitmap.height, y + h); row++)
    bitmap.pixels.fill(
      shade,
      row * bitmap.width + Math.max(0, x),
      row * bitmap.width + Math.min(bitmap.width, x + w),
    );
}

export function strokeRect(
  bitmap: Bitmap,
  x: number,
  y: number,
  w: number,
  h: number,
  line = 2,
  shade = 0,
): void {
  fillRect(bitmap, x, y, w, line, shade);
  fillRect(bitmap, x, y + h - line, w, line, shade);
  fillRect(bitmap, x, y, line, h, shade);
  fillRect(bitmap, x + w - line, y, line, h, shade);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO 3309), as every PNG chunk carries (node:zlib has one only from Node 20.15). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE: Uint8Array = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes a bitmap as an 8-bit grayscale PNG (IHDR, one IDAT, IEND; filter 0 on every row). */
export function encodePng(bitmap: Bitmap): Uint8Array {
  const { width, height, pixels } = bitmap;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: grayscale
  // compression, filter and interlace methods: 0
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return new Uint8Array(
    Buffer.concat([
      PNG_SIGNATURE,
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}
