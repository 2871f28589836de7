/** The parts of a Fastify request the strategies read (kept structural so tests can build one). */
export interface HttpRequestLike {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
}

export const SESSION_COOKIE = 'conduit_session';

export function header(req: HttpRequestLike, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function clientIp(req: HttpRequestLike): string | null {
  return req.ip ?? null;
}

export function sessionToken(req: HttpRequestLike): string | undefined {
  const auth = header(req, 'authorization');
  if (auth && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim();
  return req.cookies?.[SESSION_COOKIE];
}
