import { checkPgpEncryptionKey } from '@conduit/crypto';
import { DomainError, type FieldError, MERCHANT_ID } from '@conduit/domain';
import { parseSshPublicKey, type SftpAccountCommand } from '@conduit/payments';

const USERNAME = /^[a-z0-9._-]{3,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIN_PASSWORD = 12;
const MAX_PASSWORD = 1024;
const MAX_KEYS = 50;
const MAX_PGP = 64 * 1024;
/** Fields the API answers that react-admin sends back on edit: accepted and ignored. */
const READ_ONLY = new Set([
  'id',
  'hasPassword',
  'usedBytes',
  'pgpPublicKeyFingerprint',
  'conduitPgpPublicKey',
  'conduitPgpFingerprint',
  'lastLoginAt',
  'createdAt',
  'updatedAt',
]);
const WRITABLE = new Set([
  'organizationId',
  'username',
  'merchantIds',
  'password',
  'publicKeys',
  'enabled',
  'quotaBytes',
  'pgpPublicKey',
]);

/**
 * The sftp-accounts body, parsed into a typed command that reports every invalid field at once:
 * formats here, key lines parsed (index named), the OpenPGP key read. What needs the database
 * (merchants of the organization, a free username) the service checks.
 *
 * `publicKeys` is the whole set; each item is a key line, or on update an existing key (`{id}`,
 * as GET answers them) to keep. `password: null` removes the password; `""` leaves it unchanged
 * (a form's empty field). `pgpPublicKey: null` or `""` removes the account's key.
 */
export async function parseSftpAccountInput(
  body: unknown,
  mode: 'create' | 'update',
): Promise<SftpAccountCommand> {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw DomainError.validation([{ field: 'body', message: 'body must be a JSON object' }]);
  const b = body as Record<string, unknown>;
  const cmd: SftpAccountCommand = {};
  for (const k of Object.keys(b))
    if (!WRITABLE.has(k) && !READ_ONLY.has(k)) fail(k, `${k} is not a field of an SFTP account`);

  if (b.organizationId !== undefined) {
    if (typeof b.organizationId === 'string' && UUID.test(b.organizationId))
      cmd.organizationId = b.organizationId;
    else fail('organizationId', 'organizationId must be a UUID');
  }
  if (b.username !== undefined) {
    if (typeof b.username === 'string' && USERNAME.test(b.username)) cmd.username = b.username;
    else fail('username', 'username must be 3 to 64 characters of a-z, 0-9, dot, underscore and hyphen');
  } else if (mode === 'create') fail('username', 'username is required');

  if (b.merchantIds !== undefined) {
    const list = b.merchantIds;
    if (!Array.isArray(list) || !list.length)
      fail('merchantIds', 'merchantIds must be a non-empty array of 13-digit MerchantIDs');
    else if (list.some((m) => typeof m !== 'string' || !MERCHANT_ID.test(m)))
      fail('merchantIds', 'merchantIds must be 13-digit MerchantIDs');
    else cmd.merchantIds = [...new Set(list as string[])];
  } else if (mode === 'create') fail('merchantIds', 'merchantIds must name at least one merchant');

  if (b.password === null) {
    if (mode === 'update') cmd.password = null;
  } else if (b.password !== undefined && b.password !== '') {
    if (typeof b.password !== 'string') fail('password', 'password must be a string');
    else if (b.password.length < MIN_PASSWORD)
      fail('password', `password must be at least ${MIN_PASSWORD} characters`);
    else if (b.password.length > MAX_PASSWORD)
      fail('password', `password must be at most ${MAX_PASSWORD} characters`);
    else cmd.password = b.password;
  }

  if (b.publicKeys !== undefined) {
    if (!Array.isArray(b.publicKeys))
      fail('publicKeys', 'publicKeys must be an array of OpenSSH public key lines');
    else if (b.publicKeys.length > MAX_KEYS)
      fail('publicKeys', `publicKeys may hold at most ${MAX_KEYS} keys`);
    else {
      const keys: NonNullable<SftpAccountCommand['publicKeys']> = [];
      const seen = new Set<string>();
      for (const [i, item] of b.publicKeys.entries()) {
        const field = `publicKeys[${i}]`;
        if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string') {
          const id = (item as { id: string }).id;
          if (mode === 'create' || !UUID.test(id)) fail(field, `${field} names no key of this account`);
          else keys.push({ keepId: id });
          continue;
        }
        if (typeof item !== 'string') {
          fail(field, `${field} must be an OpenSSH public key line`);
          continue;
        }
        const parsed = parseSshPublicKey(item);
        if (!parsed.ok) fail(field, `${field} ${parsed.message}`);
        else if (seen.has(parsed.key.fingerprint)) fail(field, `${field} repeats a key already listed`);
        else {
          seen.add(parsed.key.fingerprint);
          keys.push(parsed.key);
        }
      }
      cmd.publicKeys = keys;
    }
  }

  if (b.enabled !== undefined) {
    if (typeof b.enabled === 'boolean') cmd.enabled = b.enabled;
    else fail('enabled', 'enabled must be true or false');
  }
  if (b.quotaBytes !== undefined && b.quotaBytes !== null) {
    if (typeof b.quotaBytes === 'number' && Number.isSafeInteger(b.quotaBytes) && b.quotaBytes > 0)
      cmd.quotaBytes = b.quotaBytes;
    else fail('quotaBytes', 'quotaBytes must be a positive whole number of bytes');
  }
  if (b.pgpPublicKey === null || b.pgpPublicKey === '') {
    if (mode === 'update') cmd.pgpPublicKey = null;
  } else if (b.pgpPublicKey !== undefined) {
    if (typeof b.pgpPublicKey !== 'string' || b.pgpPublicKey.length > MAX_PGP)
      fail('pgpPublicKey', 'pgpPublicKey must be an armored OpenPGP public key');
    else {
      const checked = await checkPgpEncryptionKey(b.pgpPublicKey);
      if (checked.ok) cmd.pgpPublicKey = { armored: checked.armored, fingerprint: checked.fingerprint };
      else fail('pgpPublicKey', `pgpPublicKey ${checked.message}`);
    }
  }
  if (errors.length) throw DomainError.validation(errors);
  return cmd;
}
