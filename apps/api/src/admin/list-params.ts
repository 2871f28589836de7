import type { FastifyReply } from 'fastify';
import { DomainError } from '@conduit/domain';
import type { ListQuery } from '@conduit/db';

function json(raw: unknown, field: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(String(raw));
  } catch {
    throw DomainError.validation([{ field, message: `${field} must be JSON` }]);
  }
}

/** react-admin's `sort=["f","ASC"]&range=[0,24]&filter={...}` (admin-api.md). */
export function parseListQuery(query: Record<string, unknown>): ListQuery {
  const sort = json(query.sort, 'sort');
  const range = json(query.range, 'range') ?? [0, 24];
  const filter = json(query.filter, 'filter') ?? {};
  if (
    sort !== undefined &&
    !(
      Array.isArray(sort) &&
      typeof sort[0] === 'string' &&
      ['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())
    )
  ) {
    throw DomainError.validation([{ field: 'sort', message: 'sort must be ["field","ASC"|"DESC"]' }]);
  }
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((n) => Number.isInteger(n) && n >= 0) ||
    range[1] < range[0]
  ) {
    throw DomainError.validation([
      { field: 'range', message: 'range must be [start,end] with 0 <= start <= end' },
    ]);
  }
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw DomainError.validation([{ field: 'filter', message: 'filter must be a JSON object' }]);
  }
  return {
    sort: sort
      ? { field: sort[0] as string, order: String(sort[1]).toUpperCase() as 'ASC' | 'DESC' }
      : undefined,
    start: range[0],
    end: range[1],
    filter: filter as Record<string, unknown>,
  };
}

/** Sets `Content-Range: <resource> start-end/total` and answers the rows. */
export function listReply<T>(
  reply: FastifyReply,
  resource: string,
  query: ListQuery,
  result: { rows: T[]; total: number },
): T[] {
  const end = query.start + Math.max(result.rows.length - 1, 0);
  reply.header('content-range', `${resource} ${query.start}-${end}/${result.total}`);
  reply.header('access-control-expose-headers', 'Content-Range');
  return result.rows;
}
