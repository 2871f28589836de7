import './instrument';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@conduit/config';
import { AdminAuthService } from '@conduit/tenancy';
import { JsonNestLogger } from '@conduit/observability';
import { AppModule } from './app.module';
import { installBodyParsers } from './http/body-parsers';
import { installAdminRequestChecks } from './http/admin-requests';
import { installCookies, installRequestHooks, serveConsole } from './http/fastify';
import { appLogger } from './http/logger.provider';
import { installMetrics } from './http/metrics';
import { serveBullBoard } from './http/bull-board';
import { installSecurityHeaders } from './http/security-headers';
import { validationPipe } from './http/validation';
import { serveRestDocs } from './rest/openapi/document';
import { serveAdminOpenApi } from './admin/openapi/document';
import { SsoStatusRoute } from './sso/sso-status.route';

export const BODY_LIMIT = 64 * 1024;

/**
 * A check deposit's two images of at most 1 MiB each, base64 (2.8 MB) and, on NVP, form-encoded
 * (+, / and = become three characters each: about 3 MB), with room for the other fields.
 */
const CHECK_DEPOSIT_LIMIT = 4 * 1024 * 1024;

/**
 * Routes allowed a larger body than BODY_LIMIT, and nothing else: a dispute response carries up
 * to five files of 5 MiB each, base64 in JSON (docs/settlement.md); the payment routes that take
 * an eCheck Sale may carry a scanned check's images (docs/devices.md). SOAP keeps its 1 MiB
 * envelope (xml-safety.ts): images sent there must fit it.
 */
const LARGE_BODIES: Record<string, number> = {
  '/admin/api/disputes/:id/evidence': 36 * 1024 * 1024,
  '/rest/payment/sale': CHECK_DEPOSIT_LIMIT,
  '/payment/NVP.aspx': CHECK_DEPOSIT_LIMIT,
};

function raiseBodyLimit(route: { url: string; bodyLimit?: number }) {
  const limit = LARGE_BODIES[route.url];
  if (limit) route.bodyLimit = limit;
}

/** `/payment/NVP.aspx` is matched case-insensitively and `/nvp` is its alias (nvp.md). */
function canonicalPath(req: { url?: string }): string {
  const url = req.url ?? '/';
  const [path, query] = url.split('?');
  const lower = path.toLowerCase();
  if (lower === '/payment/nvp.aspx' || lower === '/nvp')
    return `/payment/NVP.aspx${query === undefined ? '' : `?${query}`}`;
  return url;
}

async function bootstrap() {
  const config = loadConfig();
  const logger = appLogger();
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
    rewriteUrl: canonicalPath,
  });
  // Before Nest registers its routes: the few that take large bodies get their own limit.
  adapter.getInstance().addHook('onRoute', raiseBodyLimit);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: new JsonNestLogger(logger),
    bufferLogs: false,
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  installRequestHooks(fastify, logger);
  installMetrics(fastify, config);
  installBodyParsers(fastify);
  await installCookies(fastify);
  installSecurityHeaders(fastify, config);
  installAdminRequestChecks(fastify, config);
  await serveConsole(fastify, config, logger);
  await serveBullBoard(fastify, config, app.get(AdminAuthService));
  // After the security headers' onRoute hook, so the route gets the machine API's headers.
  app.get(SsoStatusRoute).register(fastify);
  app.useGlobalPipes(validationPipe);
  serveRestDocs(app, config.version, config.publicBaseUrl);
  serveAdminOpenApi(app, config.version);
  // process.exit() after the shutdown hooks rather than re-raising the signal: only then does
  // 'exit' fire, which writes the log lines still batched (batched-destination.ts).
  app.enableShutdownHooks([], { useProcessExit: true });
  await app.listen(config.port, config.host);
  logger.info({ port: config.port, host: config.host, env: config.nodeEnv }, 'api listening');
}

bootstrap().catch((err) => {
  appLogger().fatal(
    { err: { message: (err as Error).message, stack: (err as Error).stack } },
    'api failed to start',
  );
  process.exit(1);
});
