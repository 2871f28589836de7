import { jsonAnswerResponse, restErrorResponses } from './decorators';

type PathItems = Record<string, object>;

/**
 * The operations of the REST routes Fastify serves directly (decision 0044), which Nest's scanner
 * cannot see; written here as the decorators would have produced them.
 */
export const directRouteOperations = (): PathItems => ({
  '/rest/sso/token/{token}/status': {
    get: {
      operationId: 'getSsoTokenStatus',
      summary: 'Poll a single sign-on token: NEW, COMPLETE or EXPIRED',
      parameters: [
        {
          name: 'token',
          required: true,
          in: 'path',
          description: 'The Token of POST /rest/sso/token',
          schema: { type: 'string' },
        },
      ],
      responses: {
        '200': jsonAnswerResponse(
          'SsoTokenStatusResponse',
          'The token’s status and, once complete, its transaction',
        ),
        ...restErrorResponses(),
      },
    },
  },
});

/** `paths` with the direct routes' operations, each placed after the path it extends. */
export function withDirectRoutes(paths: PathItems): PathItems {
  const out: PathItems = {};
  const direct = Object.entries(directRouteOperations());
  for (const [path, item] of Object.entries(paths)) {
    out[path] = item;
    for (const [p, ops] of direct) if (p.startsWith(`${path}/`) && !out[p]) out[p] = ops;
  }
  for (const [p, ops] of direct) out[p] ??= ops;
  return out;
}
