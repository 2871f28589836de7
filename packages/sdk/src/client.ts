import { NvpClient } from './nvp.js';
import { PaymentPlans } from './resources/payment-plans.js';
import { Payments } from './resources/payments.js';
import { Sso } from './resources/sso.js';
import { Transactions } from './resources/transactions.js';
import { RestClient } from './rest.js';
import { type BackoffOptions, DEFAULT_BACKOFF } from './retry.js';
import { Transport } from './transport.js';
import { Webhooks } from './webhooks.js';

export interface ConduitOptions {
  /** The platform's address, e.g. `https://payments.example` (the sandbox: `http://localhost:3000`). */
  baseUrl: string;
  /** REST credentials (Api-Key / Api-Secret); keep them on your server, never in a browser. */
  apiKey?: string;
  apiSecret?: string;
  /** The NVP account credential, for `conduit.nvp.send`. */
  nvp?: { accountId: string; password: string };
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 2. */
  maxRetries?: number;
  /** Backoff between retries; default 500 ms doubling, at most 8 s, with jitter. */
  backoff?: Partial<BackoffOptions>;
  /** A fetch of your own (a proxy agent, instrumentation); default the global fetch. */
  fetch?: typeof fetch;
}

/**
 * The Conduit client. REST resources (payments, transactions, paymentPlans, sso), the NVP
 * client, and webhook verification. Safe to share: it holds no per-request state.
 */
export class Conduit {
  readonly payments: Payments;
  readonly transactions: Transactions;
  readonly paymentPlans: PaymentPlans;
  readonly sso: Sso;
  readonly nvp: NvpClient;
  readonly webhooks = new Webhooks();

  constructor(options: ConduitOptions) {
    if (!options?.baseUrl) throw new TypeError('new Conduit({ baseUrl }) is required');
    const transport = new Transport({
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      backoff: { ...DEFAULT_BACKOFF, ...options.backoff },
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      random: Math.random,
    });
    const rest = new RestClient(transport, { apiKey: options.apiKey, apiSecret: options.apiSecret });
    this.payments = new Payments(rest);
    this.transactions = new Transactions(rest);
    this.paymentPlans = new PaymentPlans(rest);
    this.sso = new Sso(rest, this.transactions);
    this.nvp = new NvpClient(transport, {
      accountId: options.nvp?.accountId,
      password: options.nvp?.password,
    });
  }
}
