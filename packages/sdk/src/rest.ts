import { codeOfStatus, ConduitError, type FieldError } from './errors.js';
import { retryAfterMs } from './retry.js';
import {
  type RawResponse,
  type RequestOptions,
  Transport,
  transientVerdict,
  type Verdict,
} from './transport.js';

interface RestErrorBody {
  ErrorCode?: number;
  ErrorMessage?: string;
  ReferenceNumber?: string;
  Errors?: { Field?: string; Message?: string }[];
}

function parseJson(response: RawResponse): unknown {
  try {
    return response.text === '' ? undefined : JSON.parse(response.text);
  } catch {
    return undefined;
  }
}

/** A REST error answer as a ConduitError: status, reference number, every invalid field. */
export function restError(response: RawResponse): ConduitError {
  const body = (parseJson(response) ?? {}) as RestErrorBody;
  const message = body.ErrorMessage ?? `Conduit answered HTTP ${response.status}`;
  const errors: FieldError[] = (body.Errors ?? []).map((e) => ({
    field: e.Field ?? '',
    message: e.Message ?? '',
  }));
  return new ConduitError({
    status: response.status,
    code: codeOfStatus(response.status, message),
    message,
    referenceNumber: body.ReferenceNumber,
    errors,
    retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
  });
}

/** The REST reader's verdict: transient answers, and a 028 decline of a payment. */
function restVerdict(retryDeclined: boolean) {
  return (response: RawResponse): Verdict => {
    const transient = transientVerdict(response, (parseJson(response) as RestErrorBody)?.ErrorMessage ?? '');
    if (transient) return transient;
    if (retryDeclined && response.status === 200) {
      const body = parseJson(response) as { ResponseCode?: string } | undefined;
      if (body?.ResponseCode === '028') return { retry: true, freshKey: true };
    }
    return { retry: false };
  };
}

/** The JSON REST interface with the API key pair (rest.md). */
export class RestClient {
  constructor(
    private readonly transport: Transport,
    private readonly credentials: { apiKey?: string; apiSecret?: string },
  ) {}

  private headers(): Record<string, string> {
    const { apiKey, apiSecret } = this.credentials;
    if (!apiKey || !apiSecret)
      throw new ConduitError({
        status: 0,
        code: 'configuration',
        message: 'REST calls need apiKey and apiSecret (new Conduit({ apiKey, apiSecret, baseUrl }))',
      });
    return { 'api-key': apiKey, 'api-secret': apiSecret, accept: 'application/json' };
  }

  /** A POST: JSON body, Idempotency-Key; `payment` also retries a 028 decline. */
  async post<T>(path: string, body: unknown, options: RequestOptions = {}, payment = false): Promise<T> {
    const response = await this.transport.send(
      {
        method: 'POST',
        path,
        headers: this.headers(),
        body: body === undefined ? undefined : JSON.stringify(body),
        contentType: 'application/json',
      },
      restVerdict(payment),
      options,
    );
    return this.read<T>(response);
  }

  async get<T>(path: string, query: Record<string, unknown> = {}, options: RequestOptions = {}): Promise<T> {
    const response = await this.transport.send(
      { method: 'GET', path, query, headers: this.headers() },
      restVerdict(false),
      options,
    );
    return this.read<T>(response);
  }

  private read<T>(response: RawResponse): T {
    if (response.status < 200 || response.status >= 300) throw restError(response);
    const body = parseJson(response);
    if (body === undefined)
      throw new ConduitError({
        status: response.status,
        code: 'invalid_response',
        message: 'Conduit answered with a body that is not JSON',
      });
    return body as T;
  }
}
