import { describe, expect, it } from 'vitest';
import { coalesce, textStream } from './text-stream';

async function* lines(n: number, failAfter = Infinity) {
  for (let i = 0; i < n; i += 1) {
    if (i === failAfter) throw new Error('database went away');
    yield `line ${i}\r\n`;
  }
}

async function read(stream: AsyncIterable<unknown>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of stream) out.push(String(chunk));
  return out;
}

describe('coalesce', () => {
  it('joins pieces into chunks of at least the given size, losing and reordering nothing', async () => {
    const chunks = await read(coalesce(lines(1000), 100));
    expect(chunks.join('')).toBe(Array.from({ length: 1000 }, (_, i) => `line ${i}\r\n`).join(''));
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(100);
    expect(chunks.length).toBeLessThan(1000 / 5);
  });

  it('yields nothing for no pieces', async () => {
    expect(await read(coalesce(lines(0)))).toEqual([]);
  });
});

describe('textStream', () => {
  it('is a byte stream of the text', async () => {
    const stream = textStream(lines(3));
    expect(stream.readableObjectMode).toBe(false);
    expect((await read(stream)).join('')).toBe('line 0\r\nline 1\r\nline 2\r\n');
  });

  it('fails with the source error rather than ending normally', async () => {
    await expect(read(textStream(lines(10, 5), 1))).rejects.toThrow('database went away');
  });
});
