import { setTimeout as sleep } from 'node:timers/promises';
import type { UnitOfWork } from '@conduit/db';
import { dummySecretHash, verifySecret } from '@conduit/crypto';
import type { AccountSession, GatewayLogin, LoginAttempt } from './account-session';
import { accountAudit, type SignedInAccount } from './signed-in-account';

/** The per-address scoring and bans (login-defence.ts), as the login needs it. */
export interface LoginScores {
  isBanned(ip: string): Promise<boolean>;
  failed(ip: string): Promise<{ failures: number; delayMs: number; banned: boolean }>;
  succeeded(ip: string): Promise<void>;
}

type LoginAccount = NonNullable<Awaited<ReturnType<UnitOfWork['read']['sftpLogins']['findForLogin']>>>;

/**
 * Signs SFTP/FTPS accounts in (GatewayLogin). A wrong password, an unknown or disabled account
 * and a refused key all look the same to the client, take the same slow hash, count against the
 * address, and are audited; the answer waits the delay the scores impose.
 */
export class AccountLogin implements GatewayLogin {
  private readonly dummy = dummySecretHash();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly scores: LoginScores,
    private readonly openSession: (account: SignedInAccount) => AccountSession,
  ) {}

  isBanned(ip: string) {
    return this.scores.isBanned(ip);
  }

  private find(username: string) {
    // Usernames are short and printable; anything else is no account (and no query).
    return /^[\x21-\x7e]{1,64}$/.test(username)
      ? this.uow.read.sftpLogins.findForLogin(username)
      : Promise.resolve(null);
  }

  async password(attempt: LoginAttempt, password: string): Promise<AccountSession | null> {
    const account = await this.find(attempt.username);
    const hash = account?.enabled && account.passwordHash ? account.passwordHash : await this.dummy;
    const matches = await verifySecret(password.slice(0, 1024), hash);
    if (!matches || !account?.enabled || !account.passwordHash)
      return this.refuse(attempt, account, 'password');
    return this.admit(attempt, account, 'password');
  }

  async publicKey(attempt: LoginAttempt, key: { algorithm: string; data: Buffer }, signed: boolean) {
    const account = await this.find(attempt.username);
    const accepted =
      !!account?.enabled &&
      account.publicKeys.some((k) => Buffer.from(k.publicKey, 'base64').equals(key.data));
    // A query without a signature only asks whether a key would do (clients offer each key they
    // hold); it proves nothing and is not counted. A signature that verified with a key the
    // account does not have is a failure.
    if (!signed) return { accepted, session: null };
    if (!accepted || !account)
      return { accepted: false, session: await this.refuse(attempt, account, 'publickey') };
    return { accepted: true, session: await this.admit(attempt, account, 'publickey') };
  }

  private async refuse(attempt: LoginAttempt, account: LoginAccount | null, method: string) {
    const { delayMs, banned, failures } = await this.scores.failed(attempt.ip);
    await this.uow.read.audit.record({
      ...accountAudit(
        {
          id: account?.id ?? '',
          organizationId: account?.organizationId ?? '',
          username: attempt.username.slice(0, 64),
          ip: attempt.ip,
          protocol: attempt.protocol,
        },
        'sftp.login-failed',
        null,
        { method, failures, banned, known: !!account },
      ),
      organizationId: account?.organizationId ?? null,
      actorId: account?.id ?? null,
      actorType: account ? 'sftp-account' : 'anonymous',
      resource: 'auth',
    });
    if (delayMs > 0) await sleep(delayMs);
    return null;
  }

  private async admit(attempt: LoginAttempt, account: LoginAccount, method: string) {
    const signedIn: SignedInAccount = {
      id: account.id,
      organizationId: account.organizationId,
      username: account.username,
      quotaBytes: Number(account.quotaBytes),
      ip: attempt.ip,
      protocol: attempt.protocol,
    };
    await this.scores.succeeded(attempt.ip);
    await this.uow.read.sftpLogins.touchLogin(account.id);
    await this.uow.read.audit.record({
      ...accountAudit(signedIn, 'sftp.login', account.id, { method }),
      resource: 'auth',
    });
    return this.openSession(signedIn);
  }
}
