/**
 * SFTP clients write at any offset with many requests in flight (OpenSSH keeps 64 of 32 KiB), so
 * writes arrive out of order. Sealed storage is written strictly in order (each chunk is
 * authenticated with its position), so this holds writes that arrive early until the gap before
 * them fills, and hands out the contiguous run. Memory is bounded by `maxPendingBytes`: a client
 * that leaves a larger gap is refused rather than buffered without end.
 */
export class WriteReorder {
  private next = 0;
  private readonly pending = new Map<number, Buffer>();
  private pendingBytes = 0;

  constructor(private readonly maxPendingBytes: number) {}

  /** Bytes handed out so far (the file's length when nothing is pending). */
  get contiguous() {
    return this.next;
  }

  get hasGap() {
    return this.pending.size > 0;
  }

  /**
   * Accepts `data` at `offset` and answers what can be written now, in order. Throws for a
   * write into data already handed out (a rewrite, which sealed storage cannot honour) unless it
   * repeats exactly what is there, which a retransmitting client may do — that is ignored.
   */
  accept(offset: number, data: Buffer): Buffer[] {
    if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError('bad offset');
    if (data.length === 0) return [];
    if (offset < this.next) {
      if (offset + data.length <= this.next) return [];
      throw new RangeError('write overlaps data already written');
    }
    if (offset > this.next) {
      const held = this.pending.get(offset);
      if (held && held.length >= data.length) return [];
      if (this.pendingBytes + data.length - (held?.length ?? 0) > this.maxPendingBytes)
        throw new RangeError('too much data ahead of a gap');
      this.pending.set(offset, Buffer.from(data));
      this.pendingBytes += data.length - (held?.length ?? 0);
      return [];
    }
    const out = [data];
    this.next += data.length;
    for (;;) {
      const following = this.takeAt(this.next);
      if (!following) break;
      out.push(following);
      this.next += following.length;
    }
    return out;
  }

  /** The held write that starts at `offset`, or one that straddles it (trimmed to start there). */
  private takeAt(offset: number): Buffer | null {
    const exact = this.pending.get(offset);
    if (exact) {
      this.pending.delete(offset);
      this.pendingBytes -= exact.length;
      return exact;
    }
    for (const [at, data] of this.pending) {
      if (at < offset) {
        this.pending.delete(at);
        this.pendingBytes -= data.length;
        if (at + data.length > offset) return data.subarray(offset - at);
      }
    }
    return null;
  }
}
