import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ConduitConfig } from '@conduit/config';
import { DomainError, ErrorCode } from '@conduit/domain';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ADMIN_API = /^\/admin\/api(\/|$)/;

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Where a browser says an unsafe request comes from: `Origin`, else the `Referer`'s origin;
 * `undefined` when it says nothing (a non-browser client), `'null'` for an opaque origin.
 */
function claimedOrigin(req: FastifyRequest): string | null | undefined {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== '') return origin === 'null' ? 'null' : originOf(origin);
  const referer = req.headers.referer;
  if (typeof referer === 'string' && referer !== '') return originOf(referer);
  return undefined;
}

const isBearer = (req: FastifyRequest) => /^Bearer\s+\S/i.test(req.headers.authorization ?? '');

function hasBody(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The admin API takes JSON only, and refuses cross-site requests that would ride on the session
 * cookie (decision 0016): an unsafe request not authenticated by a bearer token must come from the
 * platform's own origin (PUBLIC_BASE_URL, or the host it was sent to). A form on another site can
 * send neither JSON nor an own-origin `Origin`, so it is refused before its body is read.
 * Bearer tokens are not sent by browsers on their own, so bearer requests are not checked.
 */
export function installAdminRequestChecks(app: FastifyInstance, config: ConduitConfig) {
  const publicOrigin = originOf(config.publicBaseUrl);
  app.addHook('onRequest', (req, _reply, done) => {
    if (!UNSAFE.has(req.method) || !ADMIN_API.test(req.url)) return done();
    const type = req.headers['content-type'];
    const json = typeof type === 'string' && /^application\/json\s*(;|$)/i.test(type);
    if (type !== undefined ? !json : hasBody(req))
      return done(
        new DomainError(
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          'The admin API accepts application/json bodies only',
        ),
      );
    if (isBearer(req)) return done();
    const claimed = claimedOrigin(req);
    if (claimed === undefined) return done();
    const own = [publicOrigin, `${req.protocol}://${req.host}`];
    if (claimed === null || !own.includes(claimed))
      return done(DomainError.forbidden('Cross-site request refused: it must come from the console itself'));
    done();
  });
}
