/** A run shorter than this counts as a failure to start, not as a crash after working. */
const QUICK_EXIT_MS = 30_000;
/** This many quick exits in a row, each the same way, and the child is not restarted again. */
const MAX_SAME_QUICK_EXITS = 3;

/**
 * Whether to restart a child that just exited. `history` is its earlier exits, oldest first
 * ({ signature, livedMs }); a run that lasted QUICK_EXIT_MS or more clears the slate. Pure, so the
 * policy is unit-tested.
 * @returns {{ restart: true, delay: number } | { restart: false, reason: string }}
 */
export function restartDecision(history, exit) {
  const quick = [];
  for (const e of [...history, exit]) {
    if (e.livedMs >= QUICK_EXIT_MS) quick.length = 0;
    else quick.push(e);
  }
  const tail = quick.slice(-MAX_SAME_QUICK_EXITS);
  if (tail.length === MAX_SAME_QUICK_EXITS && tail.every((e) => e.signature === exit.signature))
    return {
      restart: false,
      reason: `it exited ${MAX_SAME_QUICK_EXITS} times in a row within ${QUICK_EXIT_MS / 1000} s of starting (${exit.signature})`,
    };
  return { restart: true, delay: Math.min(500 * 2 ** Math.max(0, quick.length - 1), 10_000) };
}
