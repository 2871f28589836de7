import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { ConduitConfig } from '@conduit/config';

/** The hosted payment pages set their own CSP (nonces, the merchant's frame-ancestors). */
const HOSTED_PAGE = /^\/providers\//i;
/** What runs in a browser from this origin: the console, and the admin API it calls. */
const CONSOLE = /^\/(console|admin\/api)(\/|$)|^\/$/;

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
 * there; other answers (REST, NVP, SOAP, docs) get helmet's headers without a CSP. HSTS only in
 * production, where the platform is served over HTTPS.
 */
export async function installSecurityHeaders(app: FastifyInstance, config: ConduitConfig) {
  app.addHook('onRoute', (route) => {
    if (route.helmet !== undefined) return;
    if (HOSTED_PAGE.test(route.url))
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
