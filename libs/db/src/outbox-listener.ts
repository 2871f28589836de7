import pg from 'pg';

/**
 * A dedicated connection LISTENing on `conduit_outbox` (the trigger on outbox_events notifies at
 * commit). Reconnects after a failure; the relay also polls, so a missed notification only delays.
 */
export class OutboxListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly onNotify: () => void,
    private readonly onError: (err: Error) => void,
  ) {}

  async start(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', () => this.onNotify());
    client.on('error', (err) => this.fail(client, err));
    try {
      await client.connect();
      await client.query('LISTEN conduit_outbox');
      this.client = client;
    } catch (err) {
      this.fail(client, err as Error);
    }
  }

  private fail(client: pg.Client, err: Error) {
    this.onError(err);
    client.end().catch(() => undefined);
    if (this.client === client) this.client = null;
    if (!this.stopped && !this.retry)
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.start();
      }, 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }
}
