import { codeOfStatus, ConduitError } from './errors.js';
import { retryAfterMs } from './retry.js';
import {
  type RawResponse,
  type RequestOptions,
  Transport,
  transientVerdict,
  type Verdict,
} from './transport.js';

/** Field values as the name-value interface takes them; undefined fields are not sent. */
export type NvpFields = Record<string, string | number | boolean | undefined | null>;

/** A parsed NVP answer: `responseCode`, `responseMessage`, `transactionID`, … (nvp.md). */
export type NvpResponse = Record<string, string>;

export interface NvpOptions extends RequestOptions {
  /** Default `/payment/NVP.aspx`; `/sso` creates hosted-page tokens. */
  path?: string;
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fieldsOf(response: RawResponse): NvpResponse {
  return Object.fromEntries(new URLSearchParams(response.text));
}

function nvpError(response: RawResponse): ConduitError {
  const fields = fieldsOf(response);
  const message = fields.errorMessage ?? `Conduit answered HTTP ${response.status}`;
  return new ConduitError({
    status: response.status,
    code: codeOfStatus(response.status, message),
    message,
    referenceNumber: fields.referenceNumber,
    retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
  });
}

function nvpVerdict(response: RawResponse): Verdict {
  const transient = transientVerdict(response, fieldsOf(response).errorMessage ?? '');
  if (transient) return transient;
  if (response.status === 200 && fieldsOf(response).responseCode === '028')
    return { retry: true, freshKey: true };
  return { retry: false };
}

/**
 * The name-value-pair interface (nvp.md) for vendors who keep it: form-encoded fields with HTTP
 * Basic authentication by the account credential, the same idempotency and retries as REST.
 */
export class NvpClient {
  constructor(
    private readonly transport: Transport,
    private readonly account: { accountId?: string; password?: string },
  ) {}

  /** Sends one request; answers its fields (a decline too). Error answers throw a ConduitError. */
  async send(fields: NvpFields, options: NvpOptions = {}): Promise<NvpResponse> {
    const { accountId, password } = this.account;
    if (!accountId || !password)
      throw new ConduitError({
        status: 0,
        code: 'configuration',
        message: 'NVP calls need the account credential (new Conduit({ nvp: { accountId, password } }))',
      });
    const entries = Object.entries(fields).filter(
      (e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== null,
    );
    // A key given as the idempotencyKey field goes as the header instead (the platform takes
    // either), so that a retry after a 028 decline can carry a derived key.
    const isKeyField = ([name]: [string, unknown]) => name.toLowerCase() === 'idempotencykey';
    const ownKey = entries.find(isKeyField)?.[1];
    const body = entries.filter((e) => !isKeyField(e)).map(([k, v]): [string, string] => [k, String(v)]);
    const response = await this.transport.send(
      {
        method: 'POST',
        path: (options.path ?? '/payment/NVP.aspx').replace(/^\//, ''),
        headers: { authorization: `Basic ${base64(`${accountId}:${password}`)}` },
        body: new URLSearchParams(body).toString(),
        contentType: 'application/x-www-form-urlencoded',
      },
      nvpVerdict,
      {
        ...options,
        idempotencyKey: options.idempotencyKey ?? (ownKey === undefined ? undefined : String(ownKey)),
      },
    );
    if (response.status < 200 || response.status >= 300) throw nvpError(response);
    return fieldsOf(response);
  }
}
