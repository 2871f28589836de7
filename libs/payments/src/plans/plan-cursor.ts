import { DomainError } from '@conduit/domain';

/** The list's keyset cursor: the last plan's creation time and id, opaque to callers. */
export function encodePlanCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodePlanCursor(raw: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(raw, 'base64url').toString().split('|');
  const createdAt = new Date(at);
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw DomainError.validation([{ field: 'cursor', message: 'cursor is not one this API gave out' }]);
  return { createdAt, id };
}
