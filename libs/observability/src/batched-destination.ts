import { writeSync } from 'node:fs';
import pino, { type DestinationStream } from 'pino';

/** What pino calls on a destination: lines, and the flushes of `logger.flush()` and exit. */
export interface BatchedDestination extends DestinationStream {
  flush(cb?: (err?: Error | null) => void): void;
  flushSync(): void;
}

/**
 * pino's own destination (sonic-boom, asynchronous), handed one string per event-loop turn rather
 * than one per line. While a write is in flight sonic-boom appends each new line to its pending
 * string with `+=` and then measures that string with `Buffer.byteLength`, which flattens it: under
 * load every log line copied the kilobytes queued before it, 17 % of all the api's allocations in
 * a heap profile of the polling bench (decision 0044). Lines of one turn are joined here, once.
 *
 * At exit (a `process.exit()`, or the end of a shutdown: the apps use Nest's `useProcessExit`)
 * the lines of the current turn are written synchronously, after what sonic-boom has queued,
 * by a listener prepended so it runs before pino's own exit flush. A line is lost only if the
 * process is killed outright, or if a write of sonic-boom's is still in flight at exit (that one
 * is neither awaited nor repeated, as with pino's default destination).
 */
export function batchedDestination(fd = 1): BatchedDestination {
  const boom = pino.destination({ fd, sync: false });
  let lines: string[] = [];
  let scheduled = false;
  const take = () => {
    const text = lines.length === 1 ? lines[0] : lines.join('');
    lines = [];
    return text;
  };
  const handOver = () => {
    scheduled = false;
    if (lines.length) boom.write(take());
  };
  // Not boom.write then boom.flushSync: when boom is idle, write starts an asynchronous write that
  // flushSync leaves to finish, and exit never waits for it.
  const flushNow = () => {
    boom.flushSync();
    if (lines.length) writeAll(fd, take());
  };
  process.prependListener('exit', () => {
    try {
      flushNow();
    } catch {
      // A closed stdout (EPIPE) at exit: nothing left to write to.
    }
  });
  return {
    write(line: string) {
      lines.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(handOver);
      }
    },
    flush(cb) {
      handOver();
      boom.flush(cb);
    },
    flushSync: flushNow,
  };
}

/** Writes all of `text` now, through short writes and a full pipe's EAGAIN (bounded). */
function writeAll(fd: number, text: string) {
  const bytes = Buffer.from(text);
  let offset = 0;
  let busy = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN' || ++busy > 100) return;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}
