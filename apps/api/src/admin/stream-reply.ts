import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { textStream } from '../http/text-stream';

/**
 * Sends a CSV export as a stream (`textStream`: written as it is read, in 64 KiB writes, never
 * held whole; a failure mid-way cuts the response off rather than ending it as complete).
 */
export function sendCsv(reply: FastifyReply, name: string, lines: AsyncIterable<string>) {
  const day = new Date().toISOString().slice(0, 10);
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${day}.csv"`)
    .send(textStream(lines));
}

/** A stored file, decrypted chunk by chunk as it is sent. */
export function sendFile(
  reply: FastifyReply,
  fileName: string,
  contentType: string,
  content: AsyncIterable<Buffer>,
) {
  const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${safe}"`)
    .header('x-content-type-options', 'nosniff')
    .send(Readable.from(content));
}

/**
 * An image staff view in the page (a scanned check): never cached by the browser or a proxy
 * (it shows an account number and a signature), and never sniffed into another type.
 */
export function sendImage(reply: FastifyReply, contentType: string, bytes: Buffer) {
  reply
    .header('content-type', contentType)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', 'inline')
    .send(bytes);
}
