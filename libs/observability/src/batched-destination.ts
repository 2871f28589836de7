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
 * Nothing is lost at exit: the lines of the current turn are handed over, and sonic-boom's
 * own exit handler (pino registers it) writes them synchronously. That hand-over is prepended so
 * it runs before that handler, even on a `process.exit()` right after the last line.
 */
export function batchedDestination(fd = 1): BatchedDestination {
  const boom = pino.destination({ fd, sync: false });
  let lines: string[] = [];
  let scheduled = false;
  const handOver = () => {
    scheduled = false;
    if (lines.length === 0) return;
    const text = lines.length === 1 ? lines[0] : lines.join('');
    lines = [];
    boom.write(text);
  };
  process.prependListener('exit', handOver);
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
    flushSync() {
      handOver();
      boom.flushSync();
    },
  };
}
