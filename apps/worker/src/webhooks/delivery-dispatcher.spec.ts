import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliveryDispatcher } from './delivery-dispatcher';

const turns = (n: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left <= 0 ? resolve() : setImmediate(() => step(left - 1)));
    step(n);
  });

/** A table of owed items that leases each at most once, like SKIP LOCKED plus the lease. */
function fakeStore(count: number, delays: number[]) {
  const owed = Array.from({ length: count }, (_, i) => i);
  const asked: number[] = [];
  const delivered: number[] = [];
  let inFlight = 0;
  let peak = 0;
  let n = 0;
  const delay = () => delays[n++ % delays.length];
  return {
    asked,
    delivered,
    owed,
    get peak() {
      return peak;
    },
    ports: {
      lease: async (limit: number) => {
        asked.push(limit);
        // Taken when the statement starts (its snapshot), answered after a round trip.
        const taken = owed.splice(0, limit);
        await turns(delay());
        return taken;
      },
      deliver: async (item: number) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await turns(delay());
        delivered.push(item);
        inFlight--;
      },
      failed: (_stage: string, err: unknown) => {
        throw err;
      },
    },
  };
}

async function until(done: () => boolean) {
  for (let i = 0; i < 100_000 && !done(); i++) await turns(1);
}

describe('DeliveryDispatcher', () => {
  it('posts every owed item exactly once, never past its concurrency, leasing in batches under a backlog', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 8 }),
        async (count, concurrency, delays) => {
          const store = fakeStore(count, delays);
          const dispatcher = new DeliveryDispatcher(store.ports, concurrency);
          dispatcher.wake();
          await until(() => store.delivered.length === count && dispatcher.active === 0);
          expect([...store.delivered].sort((a, b) => a - b)).toEqual(
            Array.from({ length: count }, (_, i) => i),
          );
          expect(store.peak).toBeLessThanOrEqual(concurrency);
          // Every lease after the first asks for at least a quarter of the slots (one statement
          // per batch, not per finished post), and the first asks for all of them.
          expect(store.asked[0]).toBe(concurrency);
          const batch = Math.max(1, Math.ceil(concurrency / 4));
          for (const limit of store.asked) expect(limit).toBeGreaterThanOrEqual(batch);
          await dispatcher.stop();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('leases at once when woken idle, and again when woken during a lease', async () => {
    const store = fakeStore(0, [2]);
    const dispatcher = new DeliveryDispatcher(store.ports, 8);
    dispatcher.wake();
    expect(store.asked).toEqual([8]);
    store.owed.push(1);
    dispatcher.wake(); // the relay made a delivery while the first lease ran
    await until(() => store.delivered.length === 1);
    expect(store.delivered).toEqual([1]);
    expect(store.asked).toEqual([8, 8]);
  });

  it('stops leasing on stop() and resolves once the posts in flight have finished', async () => {
    const store = fakeStore(20, [3]);
    const dispatcher = new DeliveryDispatcher(store.ports, 5);
    dispatcher.wake();
    await until(() => dispatcher.active === 5);
    await dispatcher.stop();
    expect(dispatcher.active).toBe(0);
    expect(store.delivered).toHaveLength(5);
    dispatcher.wake();
    await turns(10);
    expect(store.asked).toEqual([5]);
    expect(store.owed).toHaveLength(15);
  });

  it('reports a failed lease or post and keeps going on the next wake', async () => {
    const failures: string[] = [];
    let leases = 0;
    const dispatcher = new DeliveryDispatcher<number>(
      {
        lease: async (limit) => {
          if (leases++ === 0) throw new Error('database down');
          return [1, 2].slice(0, limit);
        },
        deliver: async (item) => {
          if (item === 2) throw new Error('post threw');
        },
        failed: (stage) => failures.push(stage),
      },
      4,
    );
    dispatcher.wake();
    await turns(3);
    expect(failures).toEqual(['lease']);
    dispatcher.wake();
    await until(() => failures.length === 2 && dispatcher.active === 0);
    expect(failures).toEqual(['lease', 'deliver']);
  });

  it('does not retry a failing lease in a loop while a backlog lasts', async () => {
    let leases = 0;
    const dispatcher = new DeliveryDispatcher<number>(
      {
        lease: async (limit) => {
          leases++;
          if (leases > 1) throw new Error('database down');
          return Array.from({ length: limit }, (_, i) => i);
        },
        deliver: () => turns(1),
        failed: () => undefined,
      },
      4,
    );
    dispatcher.wake();
    await turns(50);
    expect(leases).toBe(2);
    expect(dispatcher.active).toBe(0);
  });

  it('posts the rows of a lease still running when stop() is called, before it resolves', async () => {
    const store = fakeStore(3, [5]);
    const dispatcher = new DeliveryDispatcher(store.ports, 8);
    dispatcher.wake();
    expect(store.asked).toEqual([8]); // the lease is in flight
    await dispatcher.stop();
    expect([...store.delivered].sort()).toEqual([0, 1, 2]);
    expect(dispatcher.active).toBe(0);
  });

  it('leases a few free slots on the timer’s wake while a backlog holds the others', async () => {
    const hung = new Promise<void>(() => undefined); // a dead endpoint
    const asked: number[] = [];
    let next = 0;
    const dispatcher = new DeliveryDispatcher<number>(
      {
        lease: async (limit) => {
          asked.push(limit);
          return Array.from({ length: limit }, () => next++);
        },
        deliver: (item) => (item === 0 ? Promise.resolve() : hung),
        failed: () => undefined,
      },
      8,
    );
    dispatcher.wake();
    await turns(5);
    // Backlogged, one slot free (item 0 finished): too few for a batch, so neither the finished
    // post nor the relay's wake leases.
    expect(dispatcher.active).toBe(7);
    dispatcher.wake();
    await turns(5);
    expect(asked).toEqual([8]);
    dispatcher.wake(true); // the timer
    await turns(5);
    expect(asked).toEqual([8, 1]);
    expect(dispatcher.active).toBe(8);
  });
});
