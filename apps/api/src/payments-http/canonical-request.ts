import { lowerKeys } from '@conduit/wire';

/**
 * The canonical forms two requests under one Idempotency-Key are compared by (decision 0030).
 * Each is what the interface's edge reads from the body, so two bodies with the same canonical
 * form are the same request to the core, and a replay of one answers the other truthfully.
 */

/**
 * JSON: keys lower-cased (the REST edge takes any casing; where two keys differ only in case the
 * later wins, as it does there), sorted; no whitespace; strings and numbers as `JSON.parse` read
 * them (`1.0` and `1`, `"\u0041"` and `"A"` are the same value to the edge).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    // A Map, not an object: a `__proto__` key is data here, never a prototype.
    const byName = new Map<string, unknown>();
    for (const [name, v] of Object.entries(value)) byName.set(name.toLowerCase(), v);
    const names = [...byName.keys()].sort();
    return `{${names.map((n) => `${JSON.stringify(n)}:${canonicalJson(byName.get(n))}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Form (NVP) bodies, as the form parser left them: the name/value pairs the NVP edge reads
 * (`lowerKeys`: names in any casing, the last of a repeated name), sorted by name, so the order
 * the sender wrote them in does not matter.
 */
export function canonicalForm(body: unknown): string {
  return Object.entries(lowerKeys(body))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}
