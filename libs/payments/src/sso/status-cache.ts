/**
 * Polled rows reused for `ttlMs` in this process. Once a row is stale, the first caller starts one
 * read for its key and every caller keeps the old row until it lands (at most `graceMs` longer),
 * so a hot token costs one query per `ttlMs`, not one per client polling it at that moment.
 */
export class StatusCache<T> {
  private readonly entries = new Map<string, { row: T; until: number }>();
  private readonly loading = new Map<string, Promise<T | null>>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly graceMs = ttlMs,
    private readonly maxEntries = 20_000,
  ) {}

  async get(key: string, read: () => Promise<T | null>): Promise<T | null> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.row;
    const pending = this.loading.get(key) ?? this.load(key, read);
    if (hit && hit.until + this.graceMs > now) {
      pending.catch(() => undefined); // its failure is the next caller's to see
      return hit.row;
    }
    return pending;
  }

  /** Drops a key now; a read already in flight for it will not put the old row back. */
  forget(key: string) {
    this.generation++;
    this.entries.delete(key);
  }

  private load(key: string, read: () => Promise<T | null>): Promise<T | null> {
    const generation = this.generation;
    const p = read()
      .then((row) => {
        if (row && generation === this.generation) {
          if (this.entries.size >= this.maxEntries) this.entries.clear();
          this.entries.set(key, { row, until: Date.now() + this.ttlMs });
        } else if (!row) this.entries.delete(key);
        return row;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, p);
    return p;
  }
}
