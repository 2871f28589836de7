/**
 * Slows and then locks out repeated failed sign-ins, per address and per account. The state
 * lives in Redis (libs/auth) so every api replica sees the same counts.
 */
export interface LoginThrottle {
  /** Throws LOCKED_OUT when either key is locked; otherwise waits the slow-down delay, if any. */
  beforeAttempt(keys: ThrottleKeys): Promise<void>;
  failed(keys: ThrottleKeys): Promise<void>;
  succeeded(keys: ThrottleKeys): Promise<void>;
}

export interface ThrottleKeys {
  ip: string | null;
  account: string;
}

export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');
