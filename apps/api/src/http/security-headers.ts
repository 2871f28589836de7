import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  RouteOptions,
} from 'fastify';
import type { ConduitConfig } from '@conduit/config';

/** The hosted payment pages set their own CSP (nonces, the merchant's frame-ancestors). */
const HOSTED_PAGE = /^\/providers\//i;
/** What runs in a browser from this origin: the console, and the admin API it calls. */
const CONSOLE = /^\/(console|admin\/api)(\/|$)|^\/$/;
/**
 * What vendors' software calls, never a browser page: REST (not its HTML docs), NVP, the SSO
 * token form post and SOAP (its WSDL too).
 */
const MACHINE_API = /^\/rest\/(?!docs(\/|$))|^\/payment\/NVP\.aspx$|^\/sso$|\.asmx$/;

/**
 * OWASP's REST security headers: no caching of payment answers anywhere on the way, no sniffing,
 * no framing. Helmet's other headers (opener and embedder policies, DNS prefetch, IE's download
 * and XSS switches, Flash's cross-domain policy) steer a browser rendering a document; on a
 * machine answer they are 400 bytes every client parses and 10 hooks per request (decision 0042).
 */
function machineApiHeaders(production: boolean): Record<string, string> {
  return {
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

function addOnRequest(
  route: RouteOptions,
  hook: (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void,
) {
  const existing = route.onRequest;
  route.onRequest =
    existing === undefined ? [hook] : Array.isArray(existing) ? [hook, ...existing] : [hook, existing];
}

/**
 * The console's policy. Vite's build is module scripts from /console/ only (no inline script);
 * MUI's emotion inserts <style> elements at run time, hence 'unsafe-inline' for styles alone.
 */
const CONSOLE_CSP = {
  useDefaults: false,
  directives: {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  },
};

/**
 * Security headers by `@fastify/helmet` (decision 0016), chosen per route when it is added:
 * a strict CSP and no framing for the console and admin API; the hosted page keeps the headers its
 * controller sets (CSP with nonces, framing by the merchant's origins), so helmet sets neither
 * there; the machine APIs (REST, NVP, SOAP) get the fixed set above instead of helmet; other
 * answers (docs, health) get helmet's headers without a CSP. HSTS only in production, where the
 * platform is served over HTTPS.
 */
export async function installSecurityHeaders(app: FastifyInstance, config: ConduitConfig) {
  const apiHeaders = machineApiHeaders(config.nodeEnv === 'production');
  const setApiHeaders = (_req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    reply.headers(apiHeaders);
    done();
  };
  app.addHook('onRoute', (route) => {
    if (route.helmet !== undefined) return;
    if (MACHINE_API.test(route.url)) {
      route.helmet = false;
      addOnRequest(route, setApiHeaders);
    } else if (HOSTED_PAGE.test(route.url))
      // The page opens from the console and from vendors' sites: no opener policy that severs them.
      route.helmet = { contentSecurityPolicy: false, xFrameOptions: false, crossOriginOpenerPolicy: false };
    else if (!CONSOLE.test(route.url)) route.helmet = { contentSecurityPolicy: false };
  });
  const options: FastifyHelmetOptions = {
    global: true,
    contentSecurityPolicy: CONSOLE_CSP,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The console opens the hosted page in a new tab and keeps the handle (opener policy of the page: none).
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    strictTransportSecurity:
      config.nodeEnv === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
  await app.register(fastifyHelmet, options);
}
