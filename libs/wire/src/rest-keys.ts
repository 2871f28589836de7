import type { FieldError } from '@conduit/domain';

/**
 * REST input field names are matched case-insensitively (spec README). A shape lists the
 * canonical names; nested objects have their own shape. Unknown names are reported, not dropped.
 */
export interface Shape {
  [canonical: string]: Shape | true;
}

/**
 * A field name safe to repeat in an error: a name that looks like card data (a run of six or more
 * digits, or a huge name — a number pasted where a name belongs) is not echoed.
 */
export function echoableName(name: string): string {
  return /\d{6,}/.test(name) || name.length > 64 ? '(a field name that looks like data)' : name;
}

export function canonicalize(
  value: unknown,
  shape: Shape,
  path = '',
): { value: Record<string, unknown>; unknown: FieldError[] } {
  const out: Record<string, unknown> = {};
  const unknown: FieldError[] = [];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { value: out, unknown };
  const byLower = new Map(Object.keys(shape).map((k) => [k.toLowerCase(), k]));
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const canonical = byLower.get(name.toLowerCase());
    const field = path ? `${path}.${echoableName(name)}` : echoableName(name);
    if (!canonical) {
      unknown.push({ field, message: `${field} is not a known field` });
      continue;
    }
    const sub = shape[canonical];
    if (sub !== true && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const nested = canonicalize(v, sub, path ? `${path}.${canonical}` : canonical);
      out[canonical] = nested.value;
      unknown.push(...nested.unknown);
    } else {
      out[canonical] = v;
    }
  }
  return { value: out, unknown };
}
