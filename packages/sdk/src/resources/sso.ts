import { ConduitError } from '../errors.js';
import type { RestClient } from '../rest.js';
import { sleep } from '../retry.js';
import type { RequestOptions } from '../transport.js';
import type { SsoToken, SsoTokenRequest, SsoTokenStatus, TransactionDetail } from '../types.js';
import type { Transactions } from './transactions.js';

export interface WaitOptions {
  /** Between two status reads; default 10 s. */
  intervalMs?: number;
  /** Give up after this long; default 15 minutes, a token's life. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** How a hosted-page token ended. */
export type SsoOutcome =
  | { status: 'COMPLETE'; transactionId: string | null; transaction: TransactionDetail | null }
  | { status: 'EXPIRED'; expired: true };

/** Single sign-on tokens for the hosted payment page, and polling for their outcome. */
export class Sso {
  constructor(
    private readonly rest: RestClient,
    private readonly transactions: Transactions,
  ) {}

  /** A single-use token and the page URL to send the payer to (valid 15 minutes). */
  createToken(request: SsoTokenRequest, options?: RequestOptions): Promise<SsoToken> {
    return this.rest.post('rest/sso/token', request, options);
  }

  /** NEW, COMPLETE or EXPIRED, with the transaction once there is one. */
  status(token: string, options?: RequestOptions): Promise<SsoTokenStatus> {
    return this.rest.get(`rest/sso/token/${encodeURIComponent(token)}/status`, {}, options);
  }

  /**
   * Polls the token until the payer finished (resolves with the transaction) or the token
   * expired (resolves with `expired`). Rejects with a ConduitError `timeout` after `timeoutMs`,
   * or with the signal's reason when aborted.
   */
  async waitForCompletion(token: string, options: WaitOptions = {}): Promise<SsoOutcome> {
    const intervalMs = options.intervalMs ?? 10_000;
    const deadline = Date.now() + (options.timeoutMs ?? 900_000);
    const signal = options.signal;
    for (;;) {
      const current = await this.status(token, { signal });
      if (current.Status === 'EXPIRED') return { status: 'EXPIRED', expired: true };
      if (current.Status === 'COMPLETE') {
        const transactionId = current.TransactionID ?? null;
        const transaction = transactionId ? await this.transactions.get(transactionId, { signal }) : null;
        return { status: 'COMPLETE', transactionId, transaction };
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new ConduitError({
          status: 0,
          code: 'timeout',
          message: `The single sign-on token was not completed within ${options.timeoutMs ?? 900_000} ms`,
        });
      await sleep(Math.min(intervalMs, left), signal);
    }
  }
}
