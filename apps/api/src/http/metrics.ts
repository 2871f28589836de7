import type { FastifyInstance } from 'fastify';
import type { ConduitConfig } from '@conduit/config';
import { databasePoolStats } from '@conduit/db';
import { metrics, routeLabel, scrapeAllowed } from '@conduit/observability';

/**
 * With METRICS_ENABLED: a request-duration observation per request (labelled by the route's
 * template, never its URL) and `GET /metrics` on the api's port, behind METRICS_TOKEN when set.
 * Without it nothing is registered, and /metrics is a 404 like any unknown path.
 */
export function installMetrics(app: FastifyInstance, config: ConduitConfig) {
  const m = metrics();
  if (!config.observability.metricsEnabled || !m) return;
  const { httpDuration } = m;
  app.addHook('onResponse', (req, reply, done) => {
    httpDuration.observe(
      { method: req.method, route: routeLabel(req.routeOptions.url), status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
  m.addSource(() => {
    const pool = databasePoolStats();
    m.dbPoolTotal.set(pool.total);
    m.dbPoolIdle.set(pool.idle);
    m.dbPoolWaiting.set(pool.waiting);
  });
  app.get('/metrics', async (req, reply) => {
    if (!scrapeAllowed(req.headers.authorization, config.observability.metricsToken)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'A metrics token is required' });
    }
    reply.type(m.contentType);
    return m.render();
  });
}
