import { createServer, type Server, type Socket } from 'node:net';

/**
 * The configured passive data ports (inclusive range), shared by every session of one server. A
 * port is taken from the moment a session's PASV/EPSV listener binds it until both that listener
 * and the data connection it accepted are closed, so two sessions never hold the same port (the
 * firewall opens the range, nothing else). Ports are handed out round-robin so a port just
 * released is not reused at once (a late packet of the old connection cannot reach the new one).
 */
export class PassivePortPool {
  private readonly taken = new Set<number>();
  private next: number;

  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max > 65535 || min > max)
      throw new Error(`bad passive port range ${min}-${max}`);
    this.next = min;
  }

  get size() {
    return this.max - this.min + 1;
  }

  get inUse() {
    return this.taken.size;
  }

  /** A free port, now taken; null when every port of the range is taken. */
  acquire(): number | null {
    for (let i = 0; i < this.size; i++) {
      const port = this.next;
      this.next = port === this.max ? this.min : port + 1;
      if (!this.taken.has(port)) {
        this.taken.add(port);
        return port;
      }
    }
    return null;
  }

  release(port: number) {
    this.taken.delete(port);
  }

  /**
   * Binds a listener on a free port of the range. A port another process holds (EADDRINUSE) is
   * skipped; null when no port could be bound.
   */
  async listen(host: string): Promise<{ port: number; server: Server; release: () => void } | null> {
    for (let attempt = 0; attempt < this.size; attempt++) {
      const port = this.acquire();
      if (port === null) return null;
      const server = createServer({ pauseOnConnect: true, allowHalfOpen: true });
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen({ port, host, exclusive: true }, () => {
            server.off('error', reject);
            resolve();
          });
        });
      } catch {
        this.release(port);
        continue;
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.release(port);
      };
      return { port, server, release };
    }
    return null;
  }
}

/** The peer address without the IPv4-mapped IPv6 prefix. */
export function plainAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:/i, '');
}

/** Whether a data connection comes from the control connection's address (no FXP, no theft). */
export function sameClient(controlIp: string, data: Pick<Socket, 'remoteAddress'>): boolean {
  return controlIp !== '' && plainAddress(data.remoteAddress) === controlIp;
}
