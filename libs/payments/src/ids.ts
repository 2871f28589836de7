import { randomUUID } from 'node:crypto';
import { DomainError } from '@conduit/domain';

/** Wire IDs are 32 upper-case hex characters (a UUID without dashes); the database keeps UUIDs. */
export function newId(): string {
  return randomUUID();
}

export function toWireId(uuid: string): string {
  return uuid.replace(/-/g, '').toUpperCase();
}

/** A wire ID (with or without dashes, any case) as a UUID, or a 404 for anything else. */
export function fromWireId(raw: unknown, what: string): string {
  const hex = typeof raw === 'string' ? raw.replace(/-/g, '').toLowerCase() : '';
  if (!/^[0-9a-f]{32}$/.test(hex)) throw DomainError.notFound(what);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** ISO 8601 UTC with seven fractional digits, as the spec's examples show. */
export function wireDate(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}
