import type { Repositories } from '@conduit/db';

/**
 * Encryption at rest with the platform's data keys (libs/payments `DataKeys`, decision 0006), seen
 * from here as an interface because libs/payments depends on this library. The auth module binds
 * it to `DataKeys`, so `npm run vault:rotate` re-wraps the keys of TOTP secrets too.
 */
export interface SecretBox {
  current(r: Repositories): Promise<{ id: string; key: Buffer }>;
  encrypt(key: { id: string; key: Buffer }, plaintext: string, context: string): Uint8Array;
  decrypt(
    dataKey: { id: string; wrappedKey: Uint8Array; masterVersion: number },
    blob: Uint8Array,
    context: string,
  ): string;
}

export const SECRET_BOX = Symbol('SECRET_BOX');

/** The AAD of a user's TOTP secret: a ciphertext copied to another user does not open. */
export const totpContext = (userId: string) => `totp:${userId}`;
