import { DomainError } from '@conduit/domain';

/** A react-admin list request, already parsed from the query string (admin-api.md). */
export interface ListQuery {
  sort?: { field: string; order: 'ASC' | 'DESC' };
  start: number;
  end: number;
  filter: Record<string, unknown>;
}

export interface Page<T> {
  rows: T[];
  total: number;
  start: number;
  end: number;
}

export const MAX_PAGE = 500;

/** Prisma paging and ordering for a list, sorting only on the columns a repository allows. */
export function paging(query: ListQuery, sortable: readonly string[], fallback: string, tieBreaker = 'id') {
  const field = query.sort?.field ?? fallback;
  if (!sortable.includes(field)) {
    throw DomainError.validation([{ field: 'sort', message: `sort must be one of ${sortable.join(', ')}` }]);
  }
  const direction = (query.sort?.order ?? 'ASC') === 'DESC' ? 'desc' : 'asc';
  const take = Math.min(Math.max(query.end - query.start + 1, 0), MAX_PAGE);
  const orderBy =
    field === tieBreaker ? [{ [field]: direction }] : [{ [field]: direction }, { [tieBreaker]: 'asc' }];
  return { skip: query.start, take, orderBy };
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

export function strList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return str(value) ? [value as string] : undefined;
}
