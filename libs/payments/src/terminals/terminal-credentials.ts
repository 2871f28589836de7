import { randomBytes, randomInt } from 'node:crypto';
import { PAIRING_ALPHABET } from '@conduit/domain';

/** `tmd_` + 24 lowercase hex characters (96 random bits: an id, not a secret). */
export function newTerminalDeviceId(): string {
  return `tmd_${randomBytes(12).toString('hex')}`;
}

/** 8 characters of the pairing alphabet (40 bits), single use and valid 15 minutes. */
export function newPairingCode(): string {
  return Array.from({ length: 8 }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]).join('');
}

/**
 * 256 random bits as 43 base64url characters. Kept as SHA-256 only: a secret this long cannot be
 * guessed from its hash, so a slow password hash would only cost every socket sign-in time.
 */
export function newDeviceSecret(): string {
  return randomBytes(32).toString('base64url');
}
