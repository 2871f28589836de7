import pg from 'pg';

export interface PgListenerOptions {
  databaseUrl: string;
  /** The NOTIFY channel (a trigger notifies it at commit). */
  channel: string;
  onNotify: (payload: string | undefined) => void;
  onError: (err: Error) => void;
  /** Called each time LISTEN is in place (first connect and every reconnect). */
  onListening?: () => void;
}

/**
 * A dedicated PostgreSQL connection LISTENing on one channel; reconnects a second after a failure.
 * While it is down a subscriber must not rely on notifications (see `onError`/`onListening`).
 */
export class PgListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly options: PgListenerOptions) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const { databaseUrl, channel } = this.options;
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('notification', (n) => {
      if (n.channel === channel) this.options.onNotify(n.payload);
    });
    client.on('error', (err) => this.fail(client, err));
    client.on('end', () => {
      if (this.client === client) this.fail(client, new Error(`LISTEN ${channel}: connection ended`));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (this.stopped) return void client.end().catch(() => undefined);
      this.client = client;
      this.options.onListening?.();
    } catch (err) {
      this.fail(client, err as Error);
    }
  }

  private fail(client: pg.Client, err: Error) {
    if (this.client === client) this.client = null;
    if (this.stopped) return;
    this.options.onError(err);
    client.end().catch(() => undefined);
    if (!this.retry)
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.start();
      }, 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
