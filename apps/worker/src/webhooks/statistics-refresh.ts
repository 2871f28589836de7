/**
 * When the relay should have PostgreSQL re-read the deliveries table's statistics (decision 0042):
 * once the rows it inserted since the last refresh reach `minRows` and `fraction` of what the
 * statistics then counted (autovacuum's own rule, applied at once instead of within a minute),
 * and never more often than every `minIntervalMs`. A steady flow into a large table refreshes
 * rarely; a burst into a table the statistics call empty refreshes within a pass.
 */
export class StatisticsRefresh {
  private inserted = 0;
  private estimate = 0;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly minRows = 2000,
    private readonly fraction = 0.2,
    private readonly minIntervalMs = 5000,
  ) {}

  /** Counts rows the relay inserted; true when a refresh is due now. */
  note(rows: number, now: number): boolean {
    this.inserted += rows;
    return (
      this.inserted >= Math.max(this.minRows, this.fraction * this.estimate) &&
      now - this.lastAt >= this.minIntervalMs
    );
  }

  /** After a refresh: the rows the statistics now count. */
  refreshed(estimate: number, now: number) {
    this.inserted = 0;
    this.estimate = estimate;
    this.lastAt = now;
  }
}
