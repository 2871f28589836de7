import { fetchUtils, HttpError } from 'react-admin';
import { getToken } from './session';
import type { ApiErrorBody } from './types';

export const API_URL = '/admin/api';

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: string;
  json: unknown;
}

const isApiErrorBody = (value: unknown): value is ApiErrorBody =>
  typeof value === 'object' && value !== null && 'statusCode' in value;

const messageOf = (body: ApiErrorBody, fallback: string): string => body.message || body.error || fallback;

/**
 * Turns a Conduit error body into an HttpError react-admin understands:
 * 400s carry `{ errors: { field: message } }` so forms show per-field messages,
 * everything else gets the support reference number appended to its message.
 */
export const toHttpError = (error: HttpError): HttpError => {
  const body: unknown = error.body;
  if (!isApiErrorBody(body)) return error;
  const message = messageOf(body, error.message);
  const reference = body.referenceNumber ? ` (reference ${body.referenceNumber})` : '';

  if (error.status === 400 && Array.isArray(body.errors) && body.errors.length > 0) {
    const fieldErrors: Record<string, string> = {};
    for (const { field, message: fieldMessage } of body.errors) {
      fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${fieldMessage}` : fieldMessage;
    }
    const summary = `${message}: ${body.errors.map((e) => e.message).join('; ')}`;
    return new HttpError(summary, 400, {
      ...body,
      errors: { ...fieldErrors, root: { serverError: summary } },
    });
  }
  return new HttpError(error.status >= 500 ? `${message}${reference}` : message, error.status, body);
};

const UNREACHABLE = 'The Conduit API could not be reached. Check your connection and try again.';

/** The request headers every call carries: what it accepts and the session's bearer token. */
const withSession = (init: HeadersInit | undefined, accept: string): Headers => {
  const headers = new Headers(init ?? undefined);
  if (!headers.has('Accept')) headers.set('Accept', accept);
  const token = getToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return headers;
};

/** fetchJson with the session cookie, the bearer token and Conduit error mapping. */
export const httpClient = async (url: string, options: fetchUtils.Options = {}): Promise<HttpResponse> => {
  const headers = withSession(options.headers, 'application/json');
  try {
    const response = await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
    return { ...response, json: response.json as unknown };
  } catch (error) {
    if (error instanceof HttpError) throw toHttpError(error);
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new HttpError(UNREACHABLE, 0, null);
  }
};

/** A file download (CSV exports) with the same session and error mapping as httpClient. */
export const fetchFile = async (url: string, accept: string): Promise<Blob> => {
  let response: Response;
  try {
    response = await fetch(url, { headers: withSession(undefined, accept), credentials: 'include' });
  } catch {
    throw new HttpError(UNREACHABLE, 0, null);
  }
  if (response.ok) return response.blob();
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not a Conduit error body (a proxy's HTML page, say): keep the text.
  }
  throw toHttpError(
    new HttpError(response.statusText || `Request failed (${response.status})`, response.status, body),
  );
};

/** JSON helper for the custom (non-REST) endpoints. */
export const apiRequest = async <T>(path: string, init: fetchUtils.Options = {}): Promise<T> => {
  const { json } = await httpClient(`${API_URL}${path}`, init);
  return json as T;
};
