import { Readable } from 'node:stream';

/** About this many characters per write: one socket write and chunk header per CSV line is waste. */
const CHUNK_CHARS = 64 * 1024;

/** Joins small pieces of text (lines) into chunks of at least `size` characters, in order. */
export async function* coalesce(pieces: AsyncIterable<string>, size = CHUNK_CHARS): AsyncGenerator<string> {
  let pending = '';
  for await (const piece of pieces) {
    pending += piece;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending) yield pending;
}

/**
 * A response body streamed from text pieces. Reading pulls the next piece only when the client
 * takes more (back-pressure), and an error from the source destroys the stream, so Fastify cuts
 * the response off instead of ending it as if it were complete.
 */
export function textStream(pieces: AsyncIterable<string>, size = CHUNK_CHARS): Readable {
  return Readable.from(coalesce(pieces, size), { objectMode: false });
}
