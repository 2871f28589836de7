import { inject } from 'vitest';
import { DEMO } from './client';

export const CARDS = {
  visa: '4111111111111111',
  mastercard: '5500000000000004',
  amex: '340000000000009',
  discover: '6011000000000004',
  doNotHonor: '4000000000000002',
  insufficientFunds: '4000000000009995',
  retry: '4000000000000119',
  referral: '4000000000000010',
  cvvMismatch: '4000000000000127',
  chargeback: '4000000000000259',
  luhnFails: '4111111111111112',
  /** PIN-preferring chip test cards (docs/devices.md). */
  visaDebitPin: '4761739001010119',
  mastercardDebitPin: '5413330089020011',
} as const;

export const LAKESIDE_OUTLET = { merchantID: DEMO.lakeside.merchantId, storeID: '001', terminalID: '002' };
export const HARBOR_OUTLET = { merchantID: DEMO.harbor.merchantId, storeID: '001', terminalID: '001' };
export const FUTURE = `12/${(new Date().getUTCFullYear() + 3) % 100}`;

export interface NvpAnswer {
  status: number;
  headers: Headers;
  fields: Record<string, string>;
  text: string;
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export const LAKESIDE_NVP = basic(DEMO.lakeside.account.identifier, DEMO.lakeside.account.password);
export const HARBOR_NVP = basic(DEMO.harbor.account.identifier, DEMO.harbor.account.password);

/** POST name-value pairs to the NVP interface with Basic authentication. */
export async function nvp(
  fields: Record<string, string | number | boolean>,
  options: { auth?: string | null; path?: string; headers?: Record<string, string>; raw?: string } = {},
): Promise<NvpAnswer> {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    ...options.headers,
  };
  const auth = options.auth === undefined ? LAKESIDE_NVP : options.auth;
  if (auth) headers.authorization = auth;
  const body =
    options.raw ??
    new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const res = await fetch(`${inject('apiUrl')}${options.path ?? '/payment/NVP.aspx'}`, {
    method: 'POST',
    headers,
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    fields: Object.fromEntries(new URLSearchParams(text)),
    text,
  };
}

export function sale(extra: Record<string, string | number | boolean> = {}) {
  return nvp({
    ...LAKESIDE_OUTLET,
    transactionType: 'CreditCard',
    transactionAction: 'Sale',
    amount: '25.00',
    cardNumber: CARDS.visa,
    cardExpiration: FUTURE,
    ...extra,
  });
}

export interface RestAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export const LAKESIDE_KEY = {
  'api-key': DEMO.lakeside.apiKey.identifier,
  'api-secret': DEMO.lakeside.apiKey.secret,
};
export const HARBOR_KEY = {
  'api-key': DEMO.harbor.apiKey.identifier,
  'api-secret': DEMO.harbor.apiKey.secret,
};

/** JSON to the REST interface with the Api-Key / Api-Secret headers. */
export async function rest<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  options: { keys?: Record<string, string> | null; headers?: Record<string, string>; raw?: string } = {},
): Promise<RestAnswer<T>> {
  const headers: Record<string, string> = {
    ...(options.keys === null ? {} : (options.keys ?? LAKESIDE_KEY)),
    ...options.headers,
  };
  if (body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${inject('apiUrl')}/rest${path}`, {
    method,
    headers,
    body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

export const REST_OUTLET = { MerchantID: DEMO.lakeside.merchantId, StoreID: '001', TerminalID: '002' };

export function restSale(extra: Record<string, unknown> = {}, card: Record<string, unknown> = {}) {
  return rest('POST', '/payment/sale', {
    Outlet: REST_OUTLET,
    Amount: '25.00',
    PaymentMethod: 'Card',
    Card: {
      EntryMode: 'key',
      CardNumber: CARDS.visa,
      Expiration: FUTURE,
      CVN: '123',
      CardHolderName: 'Pat Doe',
      ...card,
    },
    ...extra,
  });
}

/** An NVP error has errorCode = HTTP status, a message and a 10-character reference number. */
export function expectNvpError(res: NvpAnswer, status: number): string {
  if (
    res.status !== status ||
    res.fields.errorCode !== String(status) ||
    !/^[A-Z0-9]{10}$/.test(res.fields.referenceNumber ?? '')
  ) {
    throw new Error(`expected NVP error ${status}, got ${res.status}: ${res.text}`);
  }
  return res.fields.errorMessage;
}

export function expectRestError(res: RestAnswer, status: number) {
  const b = res.body as {
    ErrorCode?: number;
    ErrorMessage?: string;
    ReferenceNumber?: string;
    Errors?: { Field: string; Message: string }[];
  };
  if (
    res.status !== status ||
    b.ErrorCode !== status ||
    !/^[A-Z0-9]{10}$/.test(b.ReferenceNumber ?? '') ||
    !Array.isArray(b.Errors)
  ) {
    throw new Error(`expected REST error ${status}, got ${res.status}: ${res.text}`);
  }
  return b as {
    ErrorCode: number;
    ErrorMessage: string;
    ReferenceNumber: string;
    Errors: { Field: string; Message: string }[];
  };
}
