import type { TLSSocket } from 'node:tls';
import type { DownloadHandle, UploadHandle } from '../gateway/account-session';
import type { DataConnection } from './data-connection';
import { type FtpReply, replyForError } from './ftp-replies';

/** Reads of a download per round trip to the core; one TLS write each. */
const READ_BYTES = 256 * 1024;
/** How long we wait for the client to close its end after ours (close_notify sent). */
const LINGER_MS = 5_000;

export const ABORTED: FtpReply = { code: 426, text: 'Connection closed; transfer aborted' };

/**
 * Streams a STOR into the upload handle: one write at a time at increasing offsets, the data
 * socket paused while a write is pending (backpressure reaches the client through TCP). The file
 * is closed, and so becomes visible, only when the client ended the data connection with a TLS
 * close_notify after its last byte; a bare TCP close, a reset, ABOR, the size limit or the control
 * connection going away abort it, so a cut-off upload is never processed.
 */
export function receiveUpload(
  connection: DataConnection,
  handle: UploadHandle,
  maxFileBytes: number,
  signal: AbortSignal,
): Promise<FtpReply> {
  const socket = connection.socket;
  return new Promise<FtpReply>((resolve) => {
    let received = 0;
    let writes: Promise<void> = Promise.resolve();
    let settled = false;

    const settle = (reply: FtpReply, complete: boolean) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('data', onData);
      const finished = complete
        ? handle.close().then(
            () => reply,
            async (err: unknown) => {
              socket.destroy();
              await handle.abort().catch(() => undefined);
              return replyForError(err);
            },
          )
        : (socket.destroy(),
          handle.abort().then(
            () => reply,
            () => reply,
          ));
      void finished.then(resolve);
    };
    const fail = (reply: FtpReply) => settle(reply, false);
    const onAbort = () => fail(ABORTED);

    const onData = (chunk: Buffer) => {
      if (settled) return;
      socket.pause();
      const offset = received;
      received += chunk.length;
      if (received > maxFileBytes) {
        fail({ code: 552, text: `File too large: the limit is ${maxFileBytes} bytes` });
        return;
      }
      writes = writes
        .then(() => (settled ? undefined : handle.write(offset, chunk)))
        .then(
          () => {
            if (!settled) socket.resume();
          },
          (err: unknown) => fail(replyForError(err)),
        );
    };

    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    socket.on('data', onData);
    socket.once('end', () => {
      void writes.then(() => {
        if (connection.endedWithCloseNotify())
          settle({ code: 226, text: `Transfer complete (${received} bytes)` }, true);
        else fail({ code: 426, text: 'Data connection closed without TLS close_notify; upload discarded' });
      });
    });
    socket.once('error', () => fail(ABORTED));
    socket.once('close', () => {
      // 'close' without 'end' first: reset or destroyed. After 'end', the handler above decides.
      if (!socket.readableEnded) fail(ABORTED);
    });
  });
}

/** Streams a RETR, waiting for 'drain' whenever the socket's buffer is full. */
export async function sendDownload(
  connection: DataConnection,
  handle: DownloadHandle,
  signal: AbortSignal,
): Promise<FtpReply> {
  let offset = 0;
  try {
    for (;;) {
      if (signal.aborted) throw new Aborted();
      const data = await handle.read(offset, READ_BYTES);
      if (data.length === 0) break;
      offset += data.length;
      await writeWithBackpressure(connection.socket, data, signal);
    }
    await endAndLinger(connection, signal);
    return { code: 226, text: `Transfer complete (${offset} bytes)` };
  } catch (err) {
    connection.socket.destroy();
    return err instanceof Aborted ? ABORTED : replyForError(err);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A listing (or any small payload built beforehand). */
export async function sendBuffer(
  connection: DataConnection,
  data: Buffer,
  signal: AbortSignal,
): Promise<FtpReply> {
  try {
    if (data.length > 0) await writeWithBackpressure(connection.socket, data, signal);
    await endAndLinger(connection, signal);
    return { code: 226, text: 'Transfer complete' };
  } catch {
    connection.socket.destroy();
    return ABORTED;
  }
}

class Aborted extends Error {}

function writeWithBackpressure(socket: TLSSocket, data: Buffer, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    if (socket.destroyed || signal.aborted) return reject(new Aborted());
    if (socket.write(data)) return resolve();
    const done = (err?: Error) => {
      socket.off('drain', onDrain);
      socket.off('close', onClose);
      signal.removeEventListener('abort', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Aborted());
    socket.on('drain', onDrain);
    socket.on('close', onClose);
    signal.addEventListener('abort', onClose);
  });
}

/**
 * Ends our side (close_notify, then FIN) once everything is written, and gives the client a
 * moment to close its end, so a destroy cannot cut off our last bytes (a close with unread input
 * sends a reset, which may discard what the client has not read yet).
 */
function endAndLinger(connection: DataConnection, signal: AbortSignal) {
  const socket = connection.socket;
  return new Promise<void>((resolve, reject) => {
    if (socket.destroyed || signal.aborted) return reject(new Aborted());
    // Read (and drop) what the client sends back, or its close_notify and FIN are never seen.
    socket.resume();
    const onClose = () => reject(new Aborted());
    signal.addEventListener('abort', onClose, { once: true });
    socket.once('close', onClose);
    socket.end(() => {
      socket.off('close', onClose);
      signal.removeEventListener('abort', onClose);
      let timer: NodeJS.Timeout | undefined;
      const lingered = new Promise<void>((r) => (timer = setTimeout(r, LINGER_MS)));
      void Promise.race([connection.tcpClosed, lingered]).then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  });
}
