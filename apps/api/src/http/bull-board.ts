import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sessionToken } from '@conduit/auth';
import type { ConduitConfig } from '@conduit/config';
import { can, Permission } from '@conduit/domain';
import { redactSensitive, SCRUBBED, scrubText } from '@conduit/observability';
import { QueueName, queueOptions, redisOptions } from '@conduit/queues';
import type { AdminAuthService } from '@conduit/tenancy';

export const BULL_BOARD_PATH = '/admin/queues';

const refuse = (reply: FastifyReply, statusCode: 401 | 403 | 405, code: string, message: string) =>
  reply.code(statusCode).type('application/json').send({ statusCode, code, message });

/**
 * Bull Board, read-only, at /admin/queues (BULL_BOARD_ENABLED, decision 0036). Every request —
 * page, assets and its JSON API — needs a console session (cookie or bearer, the console's own
 * session check) of a role with `queues:read`: platform admins. The queues hold every tenant's
 * jobs; their payloads are ids, and what the board shows is scrubbed as the logs are.
 */
export async function serveBullBoard(app: FastifyInstance, config: ConduitConfig, auth: AdminAuthService) {
  if (!config.observability.bullBoardEnabled) return;
  const connection = { url: config.redisUrl, ...redisOptions() };
  const queues = Object.values(QueueName).map((name) => new Queue(name, queueOptions(name, connection)));
  const board = new FastifyAdapter();
  board.setBasePath(BULL_BOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => {
      const adapter = new BullMQAdapter(q, { readOnlyMode: true, allowRetries: false });
      adapter.setFormatter('data', (data) => redactSensitive(data));
      adapter.setFormatter('returnValue', (value) => redactSensitive(value));
      return adapter;
    }),
    // @bull-board/fastify pins its own copy of @bull-board/api (9.10.1 beside our 9.10.2): the
    // same interface under two declarations, so the type checker cannot see they match.
    serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Conduit queues' } },
  });
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      // Read-only: nothing here changes a queue, whatever the board's own options say.
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return refuse(reply, 405, 'METHOD_NOT_ALLOWED', 'The queue view is read-only');
      const token = sessionToken(req);
      const session = token ? await auth.authenticate(token, req.ip) : null;
      if (!session)
        return refuse(reply, 401, 'UNAUTHENTICATED', 'Sign in to continue (session missing or expired)');
      if (!can(session.actor.role, Permission.QUEUES_READ))
        return refuse(reply, 403, 'FORBIDDEN', 'The queue view is for platform admins');
    });
    // Failure reasons and stack traces are shown as BullMQ stored them: scrub them on the way out.
    scope.addHook('onSend', async (_req, reply, payload) =>
      typeof payload === 'string' && /json/.test(String(reply.getHeader('content-type') ?? ''))
        ? scrubJson(payload)
        : payload,
    );
    await scope.register(board.registerPlugin(), { prefix: BULL_BOARD_PATH });
  });
  app.addHook('onClose', async () => {
    await Promise.all(queues.map((q) => q.close()));
  });
}

/**
 * The board's JSON scrubbed value by value as the logs are. Scrubbing the raw text hit BullMQ's
 * 13-digit millisecond times (`processedOn` can pass the Luhn check) and left `[REDACTED]` bare in
 * the JSON, which the board could not parse.
 */
export function scrubJson(payload: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return scrubText(payload);
  }
  return JSON.stringify(scrubStrings(parsed));
}

/** BullMQ's millisecond times: 13 digits, and about one in ten passes the Luhn check. */
const TIME_FIELDS = new Set(['timestamp', 'processedOn', 'finishedOn', 'delay']);

function scrubStrings(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return scrubText(value);
  // A card number sent as a JSON number is redacted too (as a string, so the JSON stays valid).
  if (typeof value === 'number' && !TIME_FIELDS.has(key) && scrubText(String(value)) !== String(value))
    return SCRUBBED;
  if (Array.isArray(value)) return value.map((v) => scrubStrings(v, key));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubStrings(v, k)]));
  return value;
}
