import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { PgListener, type Repositories, type UnitOfWork } from '@conduit/db';

/** The channel the tenancy tables' triggers notify at commit (migrations *_notify). */
export const AUTH_CHANGED_CHANNEL = 'conduit_auth_changed';

/**
 * Credential lookups (the credential, its organization's allowlist, its merchant restrictions) and
 * payment targets (merchant, outlet, grant scope) kept in this process while PostgreSQL tells it of
 * every change (decision 0010). It caches only
 * while LISTEN is in place: when the connection drops it forgets everything and reads through
 * until it is back. A read that started before a change is never stored after it (generation).
 */
export class CredentialCache<Row = unknown> {
  private readonly rows = new Map<string, { row: Row; until: number }>();
  private readonly loading = new Map<string, { generation: number; row: Promise<Row | null> }>();
  private generation = 0;
  private live = false;

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  get caching(): boolean {
    return this.live;
  }

  /** Notifications flow again (or for the first time): start from empty. */
  listening() {
    this.invalidate();
    this.live = true;
  }

  /** Notifications stopped: nothing cached can be trusted to be dropped on change. */
  lost() {
    this.live = false;
    this.invalidate();
  }

  invalidate() {
    this.generation++;
    this.rows.clear();
  }

  /** The cached row, or one read shared by the callers that miss together. */
  load<R extends Row>(key: string, read: () => Promise<R | null>): Promise<R | null> {
    const hit = this.rows.get(key);
    if (hit && hit.until > Date.now()) return Promise.resolve(hit.row as R);
    if (!this.live) return read();
    const generation = this.generation;
    const shared = this.loading.get(key);
    if (shared && shared.generation === generation) return shared.row as Promise<R | null>;
    const row = read().then((r) => {
      if (r && this.live && generation === this.generation) {
        if (this.rows.size >= this.maxEntries) this.rows.clear();
        this.rows.set(key, { row: r, until: Date.now() + this.ttlMs });
      }
      return r;
    });
    const entry = { generation, row };
    this.loading.set(key, entry);
    void row.then(
      () => this.loading.get(key) === entry && this.loading.delete(key),
      () => this.loading.get(key) === entry && this.loading.delete(key),
    );
    return row;
  }
}

/** The api's cache, fed by a LISTEN connection for the process's lifetime. */
@Injectable()
export class ListeningCredentialCache
  extends CredentialCache
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private readonly logger = new Logger(ListeningCredentialCache.name);
  private listener: PgListener | null = null;
  /** The payload of the last notification (the table that changed), for diagnostics and tests. */
  lastNotice: string | undefined;

  constructor(@Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig) {
    super();
  }

  async onApplicationBootstrap() {
    this.listener = new PgListener({
      databaseUrl: this.config.databaseUrl,
      channel: AUTH_CHANGED_CHANNEL,
      onNotify: (payload) => {
        this.lastNotice = payload;
        this.invalidate();
      },
      onListening: () => this.listening(),
      onError: (err) => {
        this.lost();
        this.logger.warn(`credential cache off until LISTEN is back: ${err.message}`);
      },
    });
    await this.listener.start();
  }

  async onModuleDestroy() {
    this.lost();
    await this.listener?.stop();
  }
}

/**
 * A write that can change an authentication answer: this process forgets its cache the moment
 * the transaction commits; other processes hear it from the trigger.
 */
export async function authChange<T>(
  uow: UnitOfWork,
  cache: CredentialCache | undefined,
  fn: (repos: Repositories) => Promise<T>,
): Promise<T> {
  try {
    return await uow.run(fn);
  } finally {
    cache?.invalidate();
  }
}
