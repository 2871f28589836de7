import WebSocket from 'ws';

export type Frame = Record<string, unknown> & { type: string };

/**
 * A raw terminal on the WebSocket (contracts C.2), for tests: frames are queued as they arrive and
 * awaited by type; pings are answered like a device does.
 */
export class RawTerminal {
  private readonly frames: Frame[] = [];
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (frame.type === 'ping') return this.send({ type: 'pong' });
      this.frames.push(frame);
      this.notify();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.notify();
    });
  }

  private notify() {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  /** Connects; rejects with the HTTP status when the server refuses the upgrade. */
  static connect(baseUrl: string, id: string, secret: string): Promise<RawTerminal> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/rest/terminals/connect`;
    const ws = new WebSocket(url, {
      headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
    });
    const terminal = new RawTerminal(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(terminal));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  send(frame: Frame) {
    this.ws.send(JSON.stringify(frame));
  }

  /** The next frame of this type (earlier frames of other types stay queued). */
  async next(type: string, timeoutMs = 15_000): Promise<Frame> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const i = this.frames.findIndex((f) => f.type === type);
      if (i >= 0) return this.frames.splice(i, 1)[0];
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) before a ${type} frame`);
      const left = until - Date.now();
      if (left <= 0) throw new Error(`no ${type} frame within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  }

  async waitClosed(timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
    const until = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    if (!this.closed) throw new Error('socket still open');
    return this.closed;
  }

  close() {
    this.ws.close();
  }
}
