import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ConduitConfig } from '@conduit/config';
import { loggedPath, requestContext, type Logger } from '@conduit/observability';

const CORRELATION = /^[A-Za-z0-9._-]{1,64}$/;

/** Correlation IDs and an access log without query strings or bodies (headers: security-headers.ts). */
export function installRequestHooks(app: FastifyInstance, logger: Logger) {
  app.addHook('onRequest', (req, reply, done) => {
    const given = req.headers['x-correlation-id'];
    const correlationId = typeof given === 'string' && CORRELATION.test(given) ? given : randomUUID();
    reply.header('x-correlation-id', correlationId);
    requestContext.enterWith({ correlationId });
    done();
  });
  app.addHook('onResponse', (req, reply, done) => {
    logger.info(
      {
        method: req.method,
        path: loggedPath(req.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ip: req.ip,
      },
      'request',
    );
    done();
  });
}

/** The console's built files at /console/ (react-admin uses hash routes, so no fallback is needed). */
export async function serveConsole(app: FastifyInstance, config: ConduitConfig, logger: Logger) {
  const dir = config.consoleDir ?? path.resolve(process.cwd(), 'dist/console');
  if (!existsSync(path.join(dir, 'index.html'))) {
    logger.warn({ dir }, 'console build not found; /console/ will answer 404 (run the build)');
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    decorateReply: false,
    maxAge: '1h',
    index: 'index.html',
  });
  app.get('/console', (_req, reply) => reply.redirect('/console/'));
  app.get('/', (_req, reply) => reply.redirect('/console/'));
}

export async function installCookies(app: FastifyInstance) {
  await app.register(fastifyCookie);
}
