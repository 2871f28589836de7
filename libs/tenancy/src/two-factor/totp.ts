import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { sha256Hex } from '@conduit/crypto';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a code typed just before its step ended, or with a slow clock, still works. */
const WINDOW = 1;
const ISSUER = 'Conduit';

export const RECOVERY_CODE_COUNT = 10;

function totp(secretBase32: string, label = 'user'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret (RFC 4226's recommended size), base32 for typing into an app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app scans. */
export function otpauthUri(secretBase32: string, email: string): string {
  return totp(secretBase32, email).toString();
}

export function stepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / PERIOD_SECONDS);
}

/**
 * The time step `code` belongs to when it is right for now ± one step and newer than
 * `lastStep` (the step of the last accepted code: it and earlier ones would be replays);
 * otherwise null.
 */
export function acceptedStep(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  nowMs = Date.now(),
): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: nowMs, window: WINDOW });
  if (delta === null) return null;
  const step = stepAt(nowMs) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** A code for a step (tests, and the README's demo instructions). */
export function codeAt(secretBase32: string, nowMs = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: nowMs });
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** Ten single-use codes, 60 random bits each, shown as `xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => CROCKFORD[b & 31]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** What is stored for a recovery code: SHA-256 of its normal form (the codes are random, not chosen). */
export function recoveryCodeHash(code: string): string {
  const normal = code
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/[oil]/g, (c) => ({ o: '0', i: '1', l: '1' })[c] ?? c);
  return sha256Hex(`recovery:${normal}`);
}

/** A recovery code looks like 12 letters/digits (with or without dashes); a TOTP code is 6 digits. */
export function looksLikeRecoveryCode(code: string): boolean {
  return code.replace(/[\s-]+/g, '').length === 12;
}
