import type { FieldError } from '@conduit/domain';
import { PAYMENT_FIELDS } from '@conduit/payments';
import { echoableName } from '@conduit/wire';
import { PLAN_REQUEST_FIELDS } from './nvp-plan-input';

/** The fields only plan actions take (the rest are payment fields), for the reference page. */
export const PLAN_FIELDS = PLAN_REQUEST_FIELDS.filter((name) => !PAYMENT_FIELDS.some((f) => f.name === name));

/**
 * The NVP fields a request may send, and the other spellings that mean the same. Field names are
 * case-insensitive (nvp.md). Payment fields come from the one field table; plan actions add theirs.
 */
const CANONICAL = new Map<string, string>();
for (const f of PAYMENT_FIELDS) {
  CANONICAL.set(f.name.toLowerCase(), f.name);
  for (const alias of f.aliases ?? []) CANONICAL.set(alias.toLowerCase(), f.name);
}
for (const name of PLAN_FIELDS) CANONICAL.set(name.toLowerCase(), name);

/** What an NVP body says, in the canonical lower-case names the edge reads. */
export interface NvpRequest {
  /** Canonical name, lower-cased → value. */
  fields: Record<string, string>;
  /** Names that are no field of ours, as the sender spelled them. */
  unknown: string[];
  /** Two spellings of one field with different values. */
  conflicts: FieldError[];
}

/** An NVP body (a repeated name counts once, its last value, as before). */
export function readNvp(body: unknown): NvpRequest {
  const fields: Record<string, string> = {};
  const spelled: Record<string, string> = {};
  const unknown: string[] = [];
  const conflicts: FieldError[] = [];
  const entries = body && typeof body === 'object' ? Object.entries(body as Record<string, unknown>) : [];
  for (const [name, raw] of entries) {
    const last = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (last === undefined || last === null) continue;
    const value = String(last);
    const canonical = CANONICAL.get(name.toLowerCase());
    if (!canonical) {
      unknown.push(echoableName(name));
      continue;
    }
    const key = canonical.toLowerCase();
    if (key in fields && fields[key] !== value) {
      conflicts.push({
        field: canonical,
        message: `${spelled[key]} and ${name} are the same field (${canonical}) with different values: send one`,
      });
      continue;
    }
    fields[key] = value;
    spelled[key] = name;
  }
  return { fields, unknown, conflicts };
}

/** The refusal of unknown fields, one error each, in the sender's spelling. */
export const unknownFieldErrors = (unknown: string[]): FieldError[] =>
  unknown.map((name) => ({
    field: name,
    message: `${name} is not a known field (see /payment/nvp-reference)`,
  }));
