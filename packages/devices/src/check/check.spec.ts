import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SimulatedCheckScanner } from './check-scanner';
import { abaCheckDigit, abaValid, formatMicr, MicrError, parseMicr } from './micr';
import { blankBitmap, crc32, encodePng, fillRect } from './png';

describe('ABA routing numbers', () => {
  it('checks the 3-7-1 check digit', () => {
    expect(abaValid('011000015')).toBe(true);
    expect(abaValid('021000021')).toBe(true);
    expect(abaValid('011000016')).toBe(false);
    expect(abaValid('01100001')).toBe(false);
    expect(abaCheckDigit('02100002')).toBe('1');
  });
});

describe('MICR line', () => {
  it('parses a personal check: routing, account, check number', () => {
    expect(parseMicr('T011000015T 123456789U 1042')).toEqual({
      raw: 'T011000015T 123456789U 1042',
      routingNumber: '011000015',
      accountNumber: '123456789',
      checkNumber: '1042',
    });
  });

  it('reads the E-13B symbols themselves and a business check’s auxiliary on-us field', () => {
    expect(parseMicr('\u2448001042\u2448 \u2446021000021\u2446 12\u24493456\u2448')).toMatchObject({
      routingNumber: '021000021',
      accountNumber: '123456',
      checkNumber: '001042',
    });
  });

  it('refuses a bad check digit, a missing account and stray characters, without echoing', () => {
    const fails = (line: string) => {
      try {
        parseMicr(line);
      } catch (err) {
        expect(err).toBeInstanceOf(MicrError);
        expect((err as Error).message).not.toContain('987654321');
        return (err as MicrError).code;
      }
      throw new Error('parsed');
    };
    expect(fails('T011000016T 987654321U 1042')).toBe('routing_number');
    expect(fails('T011000015T U 1042')).toBe('account_number');
    expect(fails('T011000015T 987654321X')).toBe('unreadable');
    expect(fails('987654321U')).toBe('routing_number');
  });

  it('formats what it parses', () => {
    const line = formatMicr('011000015', '123456789', '77');
    expect(parseMicr(line).checkNumber).toBe('77');
  });
});

/** Reads a PNG back with nothing but the format's own rules: chunks, CRCs, IHDR, inflated rows. */
function readPng(png: Uint8Array) {
  const buf = Buffer.from(png);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('ascii', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    expect(buf.readUInt32BE(at + 8 + length)).toBe(crc32(buf.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += 12 + length;
  }
  const ihdr = chunks[0].data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const rows = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  return { types: chunks.map((c) => c.type), width, height, depth: ihdr[8], colour: ihdr[9], rows };
}

describe('PNG encoder', () => {
  it('writes a valid 8-bit grayscale PNG whose rows hold the pixels', () => {
    const bitmap = blankBitmap(5, 3);
    fillRect(bitmap, 1, 1, 2, 1, 0);
    const png = readPng(encodePng(bitmap));
    expect(png).toMatchObject({ types: ['IHDR', 'IDAT', 'IEND'], width: 5, height: 3, depth: 8, colour: 0 });
    expect([...png.rows]).toEqual([
      0, 255, 255, 255, 255, 255, 0, 255, 0, 0, 255, 255, 0, 255, 255, 255, 255, 255,
    ]);
  });

  it('computes CRC-32 as ISO 3309 does', () => {
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
  });
});

describe('simulated check scanner', () => {
  it('scans a check: MICR parsed back, both faces real PNGs under 1 MiB', async () => {
    const scan = await new SimulatedCheckScanner({
      routing: '011000015',
      account: '123456789',
      checkNumber: '1042',
    }).scan();
    expect(scan.micr).toEqual({
      raw: 'T011000015T 123456789U 1042',
      routingNumber: '011000015',
      accountNumber: '123456789',
      checkNumber: '1042',
    });
    for (const face of [scan.front, scan.back]) {
      expect(face.contentType).toBe('image/png');
      expect(face.data.length).toBeLessThan(1024 * 1024);
      const png = readPng(face.data);
      expect([png.width, png.height]).toEqual([600, 275]);
      expect(png.rows.length).toBe(601 * 275);
    }
    // The MICR band of the front has ink on it; the back's only has the border (each row's
    // first byte is its filter type, not a pixel).
    const band = (rows: Buffer) =>
      rows.subarray(601 * 240, 601 * 250).filter((v, i) => i % 601 !== 0 && v === 0).length;
    expect(band(readPng(scan.back.data).rows)).toBe(2 * 3 * 10);
    expect(band(readPng(scan.front.data).rows)).toBeGreaterThan(500);
  });

  it('refuses a routing number that fails the check digit', () => {
    expect(() => new SimulatedCheckScanner({ routing: '011000016', account: '1234' })).toThrow(/ABA/);
  });

  it('stops when aborted during the feed', async () => {
    const controller = new AbortController();
    const scan = new SimulatedCheckScanner({ routing: '011000015', account: '1234', scanMs: 1000 }).scan({
      signal: controller.signal,
    });
    controller.abort(new Error('stop'));
    await expect(scan).rejects.toThrow('stop');
  });
});
