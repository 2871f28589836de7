/**
 * Gathers calls made in the same turn of the event loop (up to `max`) into one batch call: under
 * load, the deliveries that finish together are written with one statement instead of one each.
 * With `maxInFlight`, at most that many batches run at once and the calls made meanwhile wait for
 * one to finish and go together in the next (group commit): batches grow with the load and the
 * database's latency instead of staying one or two calls each, and an idle coalescer still runs a
 * lone call at once. A batch that fails rejects every call in it.
 */
export class Coalescer<I, O> {
  private pending: { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(
    private readonly runBatch: (inputs: I[]) => Promise<O[]>,
    private readonly max = 200,
    private readonly maxInFlight = Infinity,
  ) {}

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.pending.length >= this.max) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush() {
    this.scheduled = false;
    // A full pipeline: the calls wait for the batch in flight to finish (see finished()).
    if (this.inFlight >= this.maxInFlight) return;
    const batch = this.pending.splice(0, this.max);
    if (batch.length === 0) return;
    this.inFlight++;
    const finished = () => {
      this.inFlight--;
      if (this.pending.length) this.flush();
    };
    this.runBatch(batch.map((b) => b.input)).then(
      (outputs) => {
        batch.forEach((b, i) => b.resolve(outputs[i]));
        finished();
      },
      (err: unknown) => {
        batch.forEach((b) => b.reject(err));
        finished();
      },
    );
    if (this.pending.length >= this.max) this.flush();
  }
}
