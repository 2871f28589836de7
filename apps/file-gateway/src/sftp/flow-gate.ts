import type { SFTPWrapper } from 'ssh2';

/** ssh2's channel window (lib/Channel.js MAX_WINDOW): what it grants the client at a time. */
const SSH2_MAX_WINDOW = 2 * 1024 * 1024;

/**
 * ssh2's internals this relies on (ssh2 1.17, lib/server.js CHANNEL_DATA): the server hands each
 * channel data packet to the SFTP object's `push` and, unless it returns false, re-opens the SSH
 * window at once. So ssh2 never applies backpressure to an SFTP client: a client that sends writes
 * faster than the gateway stores them (or reads without consuming the answers) makes the process
 * buffer without bound.
 */
interface Ssh2SftpInternals {
  push(data: Buffer | null): unknown;
  _waitChanDrain?: boolean;
  _buffer: Buffer[];
  _protocol: { channelWindowAdjust(id: number, amount: number): void };
  incoming: { window: number };
  outgoing: { id: number; state: string };
}

/**
 * Bounds what one SFTP session holds in memory: the data of writes the gateway has not finished,
 * the reads being answered, and answers ssh2 queued because the client's window is shut. Above
 * `limit` bytes, the gate stops re-opening the client's SSH window, so the client (which must
 * respect it) stops sending: at most one more window (2 MiB) arrives. Below half the limit, the
 * window is opened again.
 */
export class FlowGate {
  private held = 0;
  private paused = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly internals: Ssh2SftpInternals;

  constructor(
    sftp: SFTPWrapper,
    private readonly limit: number,
  ) {
    this.internals = sftp as unknown as Ssh2SftpInternals;
    const push = this.internals.push.bind(sftp);
    this.internals.push = (data) => {
      const handled = push(data);
      if (data !== null && this.pressure() > this.limit) {
        this.paused = true;
        return false;
      }
      return handled;
    };
  }

  hold(bytes: number) {
    this.held += bytes;
  }

  release(bytes: number) {
    this.held -= bytes;
    if (this.paused) this.maybeResume();
  }

  /** Whether the gate has shut the client's window (for tests and logs). */
  get isPaused() {
    return this.paused;
  }

  stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.paused = false;
  }

  private pressure(): number {
    let queued = 0;
    for (const b of this.internals._buffer) queued += b.length;
    return this.held + queued;
  }

  private maybeResume() {
    if (this.pressure() > this.limit / 2) {
      // Held bytes call release() when they go; answers queued behind the client's window leave
      // without telling us, so look again shortly.
      if (!this.timer && this.held <= this.limit / 2)
        this.timer = setTimeout(() => {
          this.timer = undefined;
          if (this.paused) this.maybeResume();
        }, 25);
      return;
    }
    this.paused = false;
    const sftp = this.internals;
    if (!sftp._waitChanDrain) return;
    sftp._waitChanDrain = false;
    if (sftp.outgoing.state !== 'open') return;
    const amount = SSH2_MAX_WINDOW - sftp.incoming.window;
    if (amount <= 0) return;
    sftp.incoming.window += amount;
    sftp._protocol.channelWindowAdjust(sftp.outgoing.id, amount);
  }
}
