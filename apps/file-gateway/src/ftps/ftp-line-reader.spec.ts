import { describe, expect, it } from 'vitest';
import { type ControlLine, LineReader, MAX_LINE_BYTES } from './ftp-line-reader';

function read(...chunks: Array<string | Buffer>) {
  const lines: ControlLine[] = [];
  const reader = new LineReader((l) => lines.push(l));
  for (const c of chunks) reader.push(Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf8'));
  return lines;
}

describe('LineReader', () => {
  it('splits CRLF and LF lines across chunks, verb upper-cased, argument as sent', () => {
    expect(read('us', 'er Acme\r\nSTOR /inbound/a b.txt\nno', 'op\r\n')).toEqual([
      { kind: 'command', verb: 'USER', argument: 'Acme' },
      { kind: 'command', verb: 'STOR', argument: '/inbound/a b.txt' },
      { kind: 'command', verb: 'NOOP', argument: '' },
    ]);
  });

  it('reports an over-long line once and resumes after it', () => {
    const lines = read('NOOP ', 'x'.repeat(MAX_LINE_BYTES), 'y'.repeat(3000), '\r\nPWD\r\n');
    expect(lines).toEqual([
      { kind: 'invalid', reason: 'too long' },
      { kind: 'command', verb: 'PWD', argument: '' },
    ]);
  });

  it('accepts a line just under the limit', () => {
    const lines = read(`STOR ${'a'.repeat(MAX_LINE_BYTES - 5)}\r\n`);
    expect(lines[0].kind).toBe('command');
  });

  it('refuses bytes that are not UTF-8, and NUL', () => {
    expect(read(Buffer.from([0x53, 0x54, 0x4f, 0x52, 0x20, 0xc3, 0x28, 0x0a]))[0]).toEqual({
      kind: 'invalid',
      reason: 'not UTF-8',
    });
    expect(read('RETR a\0b\r\n')[0]).toEqual({ kind: 'invalid', reason: 'not UTF-8' });
    expect(read('STOR /inbound/caf\u00e9.txt\r\n')[0]).toEqual({
      kind: 'command',
      verb: 'STOR',
      argument: '/inbound/caf\u00e9.txt',
    });
  });

  it('drops Telnet IP/Synch before ABOR', () => {
    expect(read(Buffer.concat([Buffer.from([0xff, 0xf4, 0xff, 0xf2]), Buffer.from('ABOR\r\n')]))).toEqual([
      { kind: 'command', verb: 'ABOR', argument: '' },
    ]);
  });
});
