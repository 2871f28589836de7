/** What one control line turned out to be. */
export type ControlLine =
  | { kind: 'command'; verb: string; argument: string }
  | { kind: 'invalid'; reason: 'too long' | 'not UTF-8' | 'empty' };

/** Longest command line accepted (RFC 959 sets none; real commands are far shorter). */
export const MAX_LINE_BYTES = 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits the control stream into command lines (CRLF, or a bare LF as some clients send). A line
 * over MAX_LINE_BYTES is reported once and skipped to its end without being buffered, so a client
 * cannot grow our memory; Telnet IAC sequences (IP, Synch before ABOR) are dropped.
 */
export class LineReader {
  private parts: Buffer[] = [];
  private length = 0;
  private overlong = false;

  constructor(private readonly onLine: (line: ControlLine) => void) {}

  push(chunk: Buffer) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline === -1 ? chunk.length : newline;
      if (!this.overlong) {
        this.parts.push(chunk.subarray(start, end));
        this.length += end - start;
        if (this.length > MAX_LINE_BYTES + 1) {
          this.overlong = true;
          this.parts = [];
          this.length = 0;
          this.onLine({ kind: 'invalid', reason: 'too long' });
        }
      }
      if (newline === -1) return;
      if (!this.overlong) this.onLine(parseLine(Buffer.concat(this.parts)));
      this.parts = [];
      this.length = 0;
      this.overlong = false;
      start = newline + 1;
    }
  }
}

/** One line without its LF: verb (upper-cased) and the argument as sent. */
export function parseLine(bytes: Buffer): ControlLine {
  let line = stripTelnet(bytes);
  if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
  let text: string;
  try {
    text = utf8.decode(line);
  } catch {
    return { kind: 'invalid', reason: 'not UTF-8' };
  }
  if (/[\0\r\n]/.test(text)) return { kind: 'invalid', reason: 'not UTF-8' };
  const space = text.indexOf(' ');
  const verb = (space === -1 ? text : text.slice(0, space)).toUpperCase();
  if (!verb) return { kind: 'invalid', reason: 'empty' };
  return { kind: 'command', verb, argument: space === -1 ? '' : text.slice(space + 1) };
}

/** Drops Telnet IAC commands (0xFF x); IAC IAC stands for a literal 0xFF (never valid UTF-8). */
function stripTelnet(bytes: Buffer): Buffer {
  if (!bytes.includes(0xff)) return bytes;
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0xff && i + 1 < bytes.length) {
      if (bytes[i + 1] === 0xff) out.push(0xff);
      i++;
      continue;
    }
    out.push(bytes[i]);
  }
  return Buffer.from(out);
}
