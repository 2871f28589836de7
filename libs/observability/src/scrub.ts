import { luhnValid } from '@conduit/domain';

/** A single sign-on token in a path is a bearer credential for a patient's page. */
const PATH_TOKEN = /(\/sso\/token\/)[^/?\s"']+/gi;
/** A query string after a path: it can carry a card number or a page token (`?token=`). */
const QUERY = /(\/[^\s?"'<>]*)\?[^\s"'<>]*/g;
/** Digit runs a card number could be (13–19 digits, not part of a longer number). */
const DIGIT_RUN = /(?<!\d)\d{13,19}(?!\d)/g;
/** REST secrets (`sk_test_…`, `sk_live_…`). */
const API_SECRET = /\bsk_(?:test|live)_[A-Za-z0-9_-]+/g;
/** 32 random bytes in base64url, the shape of session and single sign-on tokens. */
const BEARER = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;

export const SCRUBBED = '[REDACTED]';

/**
 * Free text bound for a log (an error's message or stack, a refusal's reason) without what the
 * key-based redaction cannot see inside a string: query strings, SSO tokens in paths, secrets
 * and Luhn-valid card-length digit runs. The access log's path goes through here too.
 */
export function scrubText(text: string): string {
  return text
    .replace(QUERY, '$1')
    .replace(PATH_TOKEN, `$1${SCRUBBED}`)
    .replace(API_SECRET, `sk_${SCRUBBED}`)
    .replace(BEARER, (m) => (/[0-9]/.test(m) && /[A-Za-z]/.test(m) ? SCRUBBED : m))
    .replace(DIGIT_RUN, (m) => (luhnValid(m) ? SCRUBBED : m));
}

/** The path as a log records it: no query string, no token. */
export function loggedPath(url: string): string {
  return scrubText(url.split('?')[0]);
}
