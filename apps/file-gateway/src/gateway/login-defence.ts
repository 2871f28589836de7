import type { Redis } from 'ioredis';
import type { FileGatewaySettings } from '@conduit/config';
import { canonicalAddress, ipAllowed } from '@conduit/domain';

/**
 * Failed sign-ins on the gateway's listeners (batch-files.md: "failed logins are slowed, then the
 * source address is banned for a while"), scored per source address in Redis so every replica
 * shares the score and the ban. docs/file-gateway-security.md describes the policy.
 */

export type LoginDefenceSettings = Pick<
  FileGatewaySettings,
  'slowdownAfter' | 'banAfter' | 'banSeconds' | 'safelist'
>;

export interface FailedLogin {
  /** Failures of this address in the current window, this one included. */
  failures: number;
  /** How long to wait before answering this failure (0 for a safelisted address). */
  delayMs: number;
  /** The address is banned now: the caller closes the connection. */
  banned: boolean;
}

export interface LoginDefenceOptions {
  /** Redis key prefix; tests give each case its own. */
  keyPrefix?: string;
}

export const FIRST_DELAY_MS = 250;
export const MAX_DELAY_MS = 5000;

/**
 * The wait before answering the `failures`-th failure: none up to `slowdownAfter`, then 250 ms
 * doubling (250, 500, 1000, …) up to 5 s. With the defaults (3, ban at 10) a guesser gets three
 * quick tries, six slowed ones (about 13 s in all), and is banned at the tenth.
 */
export function loginDelayMs(failures: number, slowdownAfter: number): number {
  const over = failures - slowdownAfter;
  if (over <= 0) return 0;
  // The exponent is capped so a long run of failures cannot overflow to Infinity.
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(over - 1, 16));
}

/**
 * One round trip, atomic: counts the failure (the window restarts at every failure, so it ends
 * banSeconds after the last one) and, at the threshold, sets the ban unless one is set already.
 * Only the call that created the ban answers 1 in the second place: SET NX inside the script
 * makes that exactly one call per ban, whatever the number of replicas.
 * KEYS: score, ban. ARGV: banAfter (0: never ban), window and ban length in ms.
 * Answers { failures, banned (0/1), newBan (0/1) }.
 */
const FAILED = `
local failures = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
local limit = tonumber(ARGV[1])
if limit == 0 or failures < limit then
  return { failures, redis.call('EXISTS', KEYS[2]), 0 }
end
if redis.call('SET', KEYS[2], failures, 'PX', ARGV[2], 'NX') then
  return { failures, 1, 1 }
end
return { failures, 1, 0 }
`;

export class LoginDefence {
  private readonly prefix: string;
  private readonly windowMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly settings: LoginDefenceSettings,
    private readonly onBan?: (ip: string, failures: number) => Promise<void> | void,
    options: LoginDefenceOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? 'conduit:gateway:login';
    this.windowMs = Math.max(1, settings.banSeconds) * 1000;
  }

  /** Whether to refuse this address before it may even try. Never for a safelisted one. */
  async isBanned(ip: string | null | undefined): Promise<boolean> {
    const address = addressOf(ip);
    if (this.safelisted(address)) return false;
    return (await this.redis.exists(this.banKey(address))) === 1;
  }

  /**
   * Counts a failed sign-in. The caller waits `delayMs` before answering and closes the
   * connection when `banned`. A safelisted address is counted (the audit sees the number) but
   * never slowed or banned. When this failure starts a ban, `onBan` runs before this resolves,
   * and an error it throws rejects this call (the ban stays in place).
   */
  async failed(ip: string | null | undefined): Promise<FailedLogin> {
    const address = addressOf(ip);
    const safe = this.safelisted(address);
    const [failures, banned, newBan] = (await this.redis.eval(
      FAILED,
      2,
      this.scoreKey(address),
      this.banKey(address),
      safe ? 0 : this.settings.banAfter,
      this.windowMs,
    )) as [number, number, number];
    if (safe) return { failures, delayMs: 0, banned: false };
    if (newBan === 1) await this.onBan?.(address, failures);
    return { failures, delayMs: loginDelayMs(failures, this.settings.slowdownAfter), banned: banned === 1 };
  }

  /**
   * A successful sign-in changes nothing: it neither lifts a ban nor resets the score. A guesser
   * that owns one valid account (or learned one password) could otherwise sign in between
   * guesses and never reach the threshold; an honest user who mistyped twice is not slowed
   * until the third mistake anyway, and the score ends banSeconds after the last failure.
   * Kept as the one place where that policy lives, for the servers to call.
   */
  async succeeded(_ip: string | null | undefined): Promise<void> {
    // Deliberately nothing: see above.
  }

  private safelisted(address: string): boolean {
    return this.settings.safelist.length > 0 && ipAllowed(address, this.settings.safelist);
  }

  private scoreKey(address: string): string {
    return `${this.prefix}:failures:${address}`;
  }

  private banKey(address: string): string {
    return `${this.prefix}:ban:${address}`;
  }
}

/** The key part for a peer: its canonical address, or `unknown` when the socket gave none. */
function addressOf(ip: string | null | undefined): string {
  return canonicalAddress(ip) ?? 'unknown';
}
