import { DomainError, ErrorCode, type FieldError } from '@conduit/domain';

/**
 * How an interface spells the core's fields (the core names them as NVP does, e.g. `amount`;
 * REST says `Amount`). The parser names every error through it, so a caller reads its own names.
 */
export type FieldNames = (coreField: string) => string;

export const NVP_NAMES: FieldNames = (field) => field;

/** A message that starts with the core's spelling of its field, re-spelled for the caller. */
export function renamed(e: FieldError, names: FieldNames): FieldError {
  const field = names(e.field);
  if (field === e.field) return e;
  const message = e.message.startsWith(e.field) ? field + e.message.slice(e.field.length) : e.message;
  return { field, message };
}

/** Absent: not sent, null, or blank text. */
export const isAbsent = (raw: unknown) =>
  raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

/**
 * Collects every field error of one request, so a caller learns of them all at once rather than
 * one per attempt; the domain's own parsers (which throw) run through `take`.
 */
export class FieldErrors {
  private readonly list: FieldError[] = [];

  constructor(readonly names: FieldNames = NVP_NAMES) {}

  add(field: string, rule: string): void {
    this.list.push({ field: this.names(field), message: `${this.names(field)} ${rule}` });
  }

  /** An error whose message is whole already (it does not start with the field's name). */
  refuse(field: string, message: string): void {
    this.list.push({ field: this.names(field), message });
  }

  /** A domain parser's field error, re-spelled for the caller. */
  push(e: FieldError): void {
    this.list.push(renamed(e, this.names));
  }

  required(field: string, alternatives = ''): void {
    this.add(field, `is required${alternatives}`);
  }

  /** Runs a throwing parser; its validation errors are kept (re-spelled), the value is undefined. */
  take<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== ErrorCode.VALIDATION_FAILED) throw err;
      for (const e of err.details.fieldErrors ?? []) this.list.push(renamed(e, this.names));
      return undefined;
    }
  }

  /** Trimmed text of at most `max` characters; longer is refused rather than silently cut. */
  text(field: string, raw: unknown, max: number): string | undefined {
    if (isAbsent(raw)) return undefined;
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      this.add(field, 'must be text');
      return undefined;
    }
    const s = String(raw).trim();
    if (s.length > max) {
      this.add(field, `must be at most ${max} characters`);
      return undefined;
    }
    return s;
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  get all(): readonly FieldError[] {
    return this.list;
  }

  throwIfAny(): void {
    if (this.list.length) throw DomainError.validation([...this.list]);
  }
}

/**
 * Runs an edge's parser with the refusals the edge found itself (unknown fields, say), so the
 * caller hears of all of them in one answer; the edge's own come first.
 */
export function withRefusals<T>(refused: readonly FieldError[], parse: () => T): T {
  let value: T;
  try {
    value = parse();
  } catch (err) {
    if (!refused.length || !(err instanceof DomainError)) throw err;
    const own = err.code === ErrorCode.VALIDATION_FAILED ? (err.details.fieldErrors ?? []) : [];
    throw DomainError.validation([...refused, ...own]);
  }
  if (refused.length) throw DomainError.validation([...refused]);
  return value;
}
