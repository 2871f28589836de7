/** A physical line of an import file: its 1-based number and its text without the line break. */
export interface ImportLine {
  line: number;
  text: string;
}

/** Why a whole file is not an IMPTI10 import file (the acknowledgement says so). */
export class NotAnImportFile extends Error {
  constructor(readonly reason: string) {
    super(`File is not an IMPTI10 payment import file: ${reason}`);
    this.name = 'NotAnImportFile';
  }
}

/** A line longer than this cannot be a record (12 short fields): the file is refused, not buffered. */
export const MAX_LINE_BYTES = 8192;

const LF = 0x0a;
const CR = 0x0d;

/**
 * The non-blank lines of an upload, read chunk by chunk: at most one line and one chunk are held,
 * whatever the file's size. LF and CRLF both end a line; a UTF-8 byte-order mark at the start is
 * dropped; blank lines (trailing ones in particular) are skipped but still counted, so a record's
 * number is its line in the file. NUL bytes, invalid UTF-8 and over-long lines make the whole
 * file unreadable (`NotAnImportFile`): such a file is binary or not this format at all.
 */
export async function* importLines(source: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<ImportLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNo = 0;
  const decode = (bytes: Buffer): string => {
    if (bytes.includes(0)) throw new NotAnImportFile(`line ${lineNo} contains NUL bytes (a binary file)`);
    try {
      // A fresh decode per line (`stream: false`): lines break only on LF, never inside a character.
      return decoder.decode(bytes);
    } catch {
      throw new NotAnImportFile(`line ${lineNo} is not valid UTF-8 text`);
    }
  };
  const take = (tail: Buffer): string => {
    const bytes = pending.length ? Buffer.concat([...pending, tail]) : tail;
    pending = [];
    pendingBytes = 0;
    const end = bytes.length && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    let text = decode(bytes.subarray(0, end));
    // The decoder drops a BOM only at a stream's start, and ours restarts per line: drop it once.
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text;
  };
  for await (const chunk of source) {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let nl = buf.indexOf(LF, start); nl !== -1; nl = buf.indexOf(LF, start)) {
      lineNo++;
      if (pendingBytes + nl - start > MAX_LINE_BYTES)
        throw new NotAnImportFile(`line ${lineNo} is longer than ${MAX_LINE_BYTES} bytes`);
      const text = take(buf.subarray(start, nl));
      start = nl + 1;
      if (text.trim() !== '') yield { line: lineNo, text };
    }
    if (start < buf.length) {
      pendingBytes += buf.length - start;
      if (pendingBytes > MAX_LINE_BYTES)
        throw new NotAnImportFile(`line ${lineNo + 1} is longer than ${MAX_LINE_BYTES} bytes`);
      pending.push(Buffer.from(buf.subarray(start)));
    }
  }
  if (pendingBytes) {
    lineNo++;
    const text = take(Buffer.alloc(0));
    if (text.trim() !== '') yield { line: lineNo, text };
  }
}
