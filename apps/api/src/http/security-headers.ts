import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { ConduitConfig } from '@conduit/config';

type Headers = Record<string, string>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The security headers of the route, computed once when it is added. */
    securityHeaders?: Headers;
  }
}

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
 * machine answer they are 400 bytes every client parses (decision 0042).
 */
function machineApiHeaders(production: boolean): Headers {
  return {
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
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
 * The headers helmet sets for `options`. They depend on nothing in the request (no directive is
 * a function, so no nonce), so they are computed once per kind of route rather than by running
 * helmet's middleware on every request (decision 0044).
 */
export function helmetHeaders(options: HelmetOptions): Headers {
  const headers: Headers = {};
  const res = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

/** Every route's security headers, by the kind of route its path is. */
export function securityHeadersByKind(config: Pick<ConduitConfig, 'nodeEnv'>) {
  const production = config.nodeEnv === 'production';
  const base: HelmetOptions = {
    contentSecurityPolicy: CONSOLE_CSP,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The console opens the hosted page in a new tab and keeps the handle (opener policy of the page: none).
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
  return {
    machineApi: machineApiHeaders(production),
    console: helmetHeaders(base),
    // The page opens from the console and from vendors' sites: no opener policy that severs them.
    hostedPage: helmetHeaders({
      ...base,
      contentSecurityPolicy: false,
      xFrameOptions: false,
      crossOriginOpenerPolicy: false,
    }),
    other: helmetHeaders({ ...base, contentSecurityPolicy: false }),
  };
}

/**
 * Security headers by `helmet` (decision 0016), chosen per route when it is added: a strict CSP
 * and no framing for the console and admin API (and for unknown paths); the hosted page keeps the
 * headers its controller sets (CSP with nonces, framing by the merchant's origins), so helmet sets
 * neither there; the machine APIs (REST, NVP, SOAP) get the fixed set above instead of helmet;
 * other answers (docs, health) get helmet's headers without a CSP. HSTS only in production, where
 * the platform is served over HTTPS. One hook for every request sets the route's precomputed set.
 */
export function installSecurityHeaders(app: FastifyInstance, config: ConduitConfig) {
  const kinds = securityHeadersByKind(config);
  app.addHook('onRoute', (route) => {
    const headers = MACHINE_API.test(route.url)
      ? kinds.machineApi
      : HOSTED_PAGE.test(route.url)
        ? kinds.hostedPage
        : CONSOLE.test(route.url)
          ? kinds.console
          : kinds.other;
    route.config = { ...route.config, securityHeaders: headers };
  });
  app.addHook('onRequest', (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    // No route (a 404): the strictest browser set, as for the console.
    reply.headers(req.routeOptions.config.securityHeaders ?? kinds.console);
    done();
  });
}
