/**
 * The canonical forms two requests under one Idempotency-Key are compared by (decision 0030).
 * Two bodies with the same canonical form are the same input to the interface's edge, so a
 * replay of one answers the other truthfully. Names that differ only in case are one name to
 * the edges; a body that sends two of them is ambiguous, so it keeps its exact names and equals
 * only itself.
 */

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** True when no two names are equal but for case. */
function caseDistinct(names: string[]): boolean {
  return new Set(names.map((n) => n.toLowerCase())).size === names.length;
}

/**
 * JSON: keys lower-cased (the REST edge takes any casing) and sorted; no whitespace; strings and
 * numbers as `JSON.parse` read them (`1.0` and `1`, `"\u0041"` and `"A"` are the same value to
 * the edge; `44` and `"44"` are not).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries = Object.entries(value);
  const members = caseDistinct(entries.map(([name]) => name))
    ? entries
        .map(([name, v]): [string, unknown] => [name.toLowerCase(), v])
        .sort(([a], [b]) => byCodeUnits(a, b))
    : entries;
  return `{${members.map(([name, v]) => `${JSON.stringify(name)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Form (NVP) bodies as the form parser left them (a repeated name is an array of its values, in
 * order): names lower-cased and sorted, so the order the sender wrote the fields in and their
 * casing do not matter; every value of a repeated name is kept, in order.
 */
export function canonicalForm(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const entries = Object.entries(body as Record<string, unknown>);
  const fields = caseDistinct(entries.map(([name]) => name))
    ? entries
        .map(([name, v]): [string, unknown] => [name.toLowerCase(), v])
        .sort(([a], [b]) => byCodeUnits(a, b))
    : entries;
  return fields
    .flatMap(([name, v]) =>
      (Array.isArray(v) ? v : [v]).map((one) => `${encode(name)}=${encode(String(one))}`),
    )
    .join('&');
}

const encode = encodeURIComponent;
