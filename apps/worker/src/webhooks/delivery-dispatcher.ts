/** What the dispatcher drives: a lease of owed work from PostgreSQL, and one post of a leased item. */
export interface DispatchPorts<T> {
  lease(limit: number): Promise<T[]>;
  deliver(item: T): Promise<unknown>;
  /** A lease or a post that threw; the item's lease lapses and another pass takes it again. */
  failed(stage: 'lease' | 'deliver', err: unknown): void;
}

/**
 * Keeps up to `concurrency` webhook posts in flight, leasing owed deliveries straight from
 * PostgreSQL (decision 0043: no queue job per delivery). Woken when the relay has made deliveries,
 * by a timer (retries come due, a dead worker's lease lapses), and by each finished post while a
 * backlog lasts. With slots to spare it leases at once, so a lone delivery is posted without
 * waiting; under a backlog it waits for `batchAtLeast` free slots, so each lease statement takes a
 * batch instead of one row per finished post.
 */
export class DeliveryDispatcher<T> {
  private inFlight = 0;
  /** The lease statement running now, if any (stop() waits for it: its rows are ours to post). */
  private filling: Promise<void> | null = null;
  private again = false;
  /** The last lease asked for a batch and filled it: more is probably owed. */
  private backlogged = false;
  private stopped = false;
  private drained: (() => void)[] = [];

  constructor(
    private readonly ports: DispatchPorts<T>,
    private readonly concurrency: number,
    private readonly batchAtLeast = Math.max(1, Math.ceil(concurrency / 4)),
  ) {}

  /** Posts leased and not yet finished. */
  get active(): number {
    return this.inFlight;
  }

  /**
   * Work may be owed (the relay made deliveries): leases now, or after the lease in progress.
   * `anySlot` (the timer's wake) leases even a few free slots under a backlog, so slots freed
   * while most posts hang on a slow endpoint wait at most a tick.
   */
  wake(anySlot = false): void {
    if (this.stopped) return;
    if (this.filling) this.again = true;
    else this.startFill(anySlot);
  }

  private startFill(anySlot = false) {
    if (!this.worthLeasing(anySlot)) return;
    this.filling = this.fill(anySlot).finally(() => {
      this.filling = null;
      // A post that finished while this lease ran did not start one of its own.
      if (this.again || this.backlogged) {
        this.again = false;
        this.wake();
      }
    });
  }

  /**
   * Stops leasing and resolves when every post in flight has recorded its attempt, including the
   * posts of a lease that was still running when it was called.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.filling;
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.drained.push(resolve));
  }

  private worthLeasing(anySlot = false): boolean {
    const free = this.concurrency - this.inFlight;
    return free > 0 && (anySlot || !this.backlogged || free >= this.batchAtLeast);
  }

  private async fill(anySlot: boolean) {
    while (!this.stopped && this.worthLeasing(anySlot)) {
      anySlot = false;
      const free = this.concurrency - this.inFlight;
      this.again = false;
      let batch: T[];
      try {
        batch = await this.ports.lease(free);
      } catch (err) {
        // Wait for the next wake (timer or relay) rather than retrying a failing database at once.
        this.backlogged = false;
        this.report('lease', err);
        return;
      }
      // Posted even if stop() came meanwhile: the rows are leased to this worker now.
      for (const item of batch) this.start(item);
      this.backlogged = batch.length >= free && free >= this.batchAtLeast;
      if (!this.backlogged && !this.again) return;
    }
  }

  private start(item: T) {
    this.inFlight++;
    Promise.resolve()
      .then(() => this.ports.deliver(item))
      .catch((err: unknown) => this.report('deliver', err))
      .finally(() => {
        this.inFlight--;
        if (this.stopped) {
          if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve();
        } else if (this.backlogged && !this.filling) this.startFill();
      });
  }

  private report(stage: 'lease' | 'deliver', err: unknown) {
    try {
      this.ports.failed(stage, err);
    } catch {
      // A failing logger must not stop the dispatcher.
    }
  }
}
