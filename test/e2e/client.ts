import { expect, inject } from 'vitest';
import { DEMO } from '../../prisma/seed';

export { DEMO };

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A thin fetch wrapper for the started api: JSON in, parsed JSON (or text) out. */
export async function call<T = unknown>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${inject('apiUrl')}${path}`, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

const tokens = new Map<string, string>();

/**
 * Signs in once per user per test file and reuses the bearer token. Keyed by the file: e2e files
 * share this module (isolate: false), and one file's sign-out must not reach another's token.
 */
export async function login(email: string, password: string): Promise<string> {
  const key = `${expect.getState().testPath ?? ''}\n${email}`;
  const cached = tokens.get(key);
  if (cached) return cached;
  const res = await call<{ token: string }>('POST', '/admin/api/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
  tokens.set(key, res.body.token);
  return res.body.token;
}

export const as = {
  // Signed in once for the whole run with two-factor (test/setup/apps.global.ts).
  ops: () => Promise.resolve(inject('opsToken')),
  lakesideAdmin: () => login(DEMO.lakeside.admin.email, DEMO.lakeside.admin.password),
  lakesideFinance: () => login(DEMO.lakeside.finance.email, DEMO.lakeside.finance.password),
  harborAdmin: () => login(DEMO.harbor.admin.email, DEMO.harbor.admin.password),
  partnerDev: () => login(DEMO.partner.developer.email, DEMO.partner.developer.password),
};

/** Every error answer has this shape and never a stack trace. */
export function expectErrorShape(res: Answer, status: number) {
  const body = res.body as Record<string, unknown>;
  if (
    res.status !== status ||
    typeof body !== 'object' ||
    !/^[A-Z0-9]{10}$/.test(String(body.referenceNumber))
  ) {
    throw new Error(`expected a ${status} error with a reference number, got ${res.status}: ${res.text}`);
  }
  if (/\bat .+\(.+:\d+:\d+\)|node_modules|\.ts:\d+/.test(res.text))
    throw new Error(`stack trace leaked: ${res.text}`);
  return body as {
    statusCode: number;
    message: string;
    errors?: { field: string; message: string }[];
    referenceNumber: string;
  };
}
