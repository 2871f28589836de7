import { ipAllowed } from '@conduit/domain';

/**
 * Counts sign-in attempts in Redis (libs/auth) so every api replica sees the same counts
 * (decision 0013). Hard lockouts are per address and per account from one address; across
 * addresses an account is only slowed down, so nobody can lock the owner out from elsewhere.
 */
export interface LoginThrottle {
  /**
   * Reserves one attempt in a single atomic step, before the secret is checked, so concurrent
   * guesses past the limit are refused without being evaluated. Throws LOCKED_OUT when the
   * address, or this account from this address, has no attempts left; otherwise waits the
   * account's slow-down delay. The reservation stands as a failure unless `succeeded` follows.
   */
  attempt(keys: ThrottleKeys): Promise<void>;
  /** The secret was right: hands the reservation back and forgets this address's failures. */
  succeeded(keys: ThrottleKeys): Promise<void>;
}

export interface ThrottleKeys {
  ip: string | null;
  account: string;
  /**
   * The address is on the account's organization allowlist: other accounts' failures from it
   * never lock it and failures elsewhere never slow it; only its own failures for this account
   * (the per account+address limit) count.
   */
  allowlisted?: boolean;
}

/** Whether `ip` is named by a non-empty organization allowlist (an empty list allows all, trusts none). */
export function onAllowlist(ip: string | null, allowlist: readonly string[] | null | undefined): boolean {
  return !!ip && !!allowlist?.length && ipAllowed(ip, allowlist);
}

export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');
