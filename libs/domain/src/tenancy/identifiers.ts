import type { FieldError } from '../errors/domain-error';

export const MERCHANT_ID = /^\d{13}$/;
export const OUTLET_PART = /^\d{3}$/;
export const ORG_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
export const ACCOUNT_NAME = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;
export const CUTOFF = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Account IDs are `name@org-slug` (tenancy.md). */
export function accountIdOf(name: string, organizationSlug: string): string {
  return `${name}@${organizationSlug}`;
}

/** Collects field errors so a request gets one message per field rather than the first only. */
export class FieldChecks {
  readonly errors: FieldError[] = [];

  check(ok: boolean, field: string, message: string): this {
    if (!ok) this.errors.push({ field, message });
    return this;
  }
}
