import { luhnValid } from '@conduit/domain';

/** What a label carries when its value could not be shown. */
export const HIDDEN_LABEL = 'redacted';
/** The route label of a request no route matched (scanners, typos): one series for all. */
export const UNMATCHED_ROUTE = 'unmatched';

const MAX_LABEL = 64;
const DIGIT_RUN = /\d{13,19}/g;
/** Letters, digits and the punctuation of route templates and enum values: nothing else. */
const PLAIN = /^[A-Za-z0-9_:./{}*-]*$/;

/**
 * A label value safe to export: bounded, plain characters only, and never a card-number-like
 * digit run (Luhn-valid, 13–19 digits). Labels are meant for enums; this is the safety net for a
 * value that came from somewhere it should not have.
 */
export function safeLabel(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return 'none';
  const text = String(value);
  if (text.length > MAX_LABEL || !PLAIN.test(text)) return HIDDEN_LABEL;
  for (const run of text.match(DIGIT_RUN) ?? []) if (luhnValid(run)) return HIDDEN_LABEL;
  return text;
}

/**
 * The route label of a request: the route's template (`/admin/api/merchants/:id`), never the
 * URL, whose path can hold ids and single sign-on tokens and whose query can hold anything. A
 * request no route matched is UNMATCHED_ROUTE, so a scan cannot grow the series without bound.
 */
export function routeLabel(template: string | undefined): string {
  if (!template) return UNMATCHED_ROUTE;
  return safeLabel(template) === HIDDEN_LABEL ? UNMATCHED_ROUTE : template;
}
