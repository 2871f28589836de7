import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importLines, MAX_LINE_BYTES, NotAnImportFile } from './import-lines';

async function* chunks(parts: (string | Buffer)[]) {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
}
const all = async (parts: (string | Buffer)[]) => {
  const out: { line: number; text: string }[] = [];
  for await (const l of importLines(chunks(parts))) out.push(l);
  return out;
};

describe('import file lines', () => {
  it('splits LF and CRLF, drops a BOM, skips blank lines but keeps numbering', async () => {
    expect(await all(['\uFEFFa|1\r\nb|2\n\nc|3\r\n\r\n\n'])).toEqual([
      { line: 1, text: 'a|1' },
      { line: 2, text: 'b|2' },
      { line: 4, text: 'c|3' },
    ]);
  });

  it('keeps a last line without a line break', async () => {
    expect(await all(['a\nb'])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
    ]);
  });

  it('joins lines and characters split across chunks', async () => {
    const bytes = Buffer.from('é|1\r\nñ|2\n', 'utf8');
    const parts = [bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5, 6), bytes.subarray(6)];
    expect(await all(parts)).toEqual([
      { line: 1, text: 'é|1' },
      { line: 2, text: 'ñ|2' },
    ]);
  });

  it('refuses NUL bytes, invalid UTF-8 and over-long lines', async () => {
    await expect(all(['a\n', Buffer.from([0x61, 0x00, 0x0a])])).rejects.toThrow(/line 2 contains NUL/);
    await expect(all([Buffer.from([0x61, 0xff, 0xfe, 0x0a])])).rejects.toThrow(/not valid UTF-8/);
    await expect(all(['x'.repeat(MAX_LINE_BYTES + 1)])).rejects.toBeInstanceOf(NotAnImportFile);
  });

  it('gives the same lines however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'é', '|', '\n', '\r\n', ' ', '€'), maxLength: 40 }), {
          maxLength: 10,
        }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        async (pieces, sizes) => {
          const bytes = Buffer.from(pieces.join('\n'), 'utf8');
          const whole = await all([bytes]);
          const parts: Buffer[] = [];
          for (let i = 0, k = 0; i < bytes.length; k++) {
            const n = sizes[k % sizes.length];
            parts.push(bytes.subarray(i, i + n));
            i += n;
          }
          expect(await all(parts)).toEqual(whole);
        },
      ),
    );
  });
});
