/**
 * The HTTP POST name-value-pair codec (nvp.md): field names are matched case-insensitively on
 * input; output keeps the exact spelling and order given.
 */
export type NvpFields = Record<string, string>;

/** Input fields keyed by lower-cased name; a repeated field keeps its last value. */
export function lowerKeys(body: unknown): NvpFields {
  const out: NvpFields = {};
  if (!body || typeof body !== 'object') return out;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined && last !== null) out[name.toLowerCase()] = String(last);
  }
  return out;
}

/** `name=value&…`, values percent-encoded; absent values are left out. */
export function encodeNvp(fields: [string, string | number | boolean | null | undefined][]): string {
  return fields
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

export function decodeNvp(text: string): NvpFields {
  const out: NvpFields = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}
