/**
 * A few builders for the admin document's JSON Schemas (OpenAPI 3.1, so `null` is a type). Kept
 * terse on purpose: the response shapes are many and this is what keeps them readable.
 */
export type Schema = Record<string, unknown>;

export const string = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
export const integer = (extra: Schema = {}): Schema => ({ type: 'integer', ...extra });
export const number = (extra: Schema = {}): Schema => ({ type: 'number', ...extra });
export const boolean = (extra: Schema = {}): Schema => ({ type: 'boolean', ...extra });
export const dateTime = (extra: Schema = {}): Schema => string({ format: 'date-time', ...extra });
export const date = (extra: Schema = {}): Schema => string({ format: 'date', ...extra });
export const uuid = (extra: Schema = {}): Schema => string({ format: 'uuid', ...extra });
export const cents = (description = 'Integer cents'): Schema => integer({ description });
export const amount = (description = 'Decimal dollars, e.g. "25.00"'): Schema =>
  string({ pattern: '^-?\\d+\\.\\d{2}$', description });
export const enumOf = (values: readonly string[], extra: Schema = {}): Schema => ({
  type: 'string',
  enum: [...values],
  ...extra,
});
export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const array = (items: Schema, extra: Schema = {}): Schema => ({ type: 'array', items, ...extra });
export const freeObject = (description?: string): Schema => ({
  type: 'object',
  additionalProperties: true,
  ...(description ? { description } : {}),
});

/** The schema, or null (an enum lists null too, or null would fail the enum). */
export function nullable(schema: Schema): Schema {
  if (Array.isArray(schema.enum))
    return { ...schema, type: [schema.type, 'null'], enum: [...schema.enum, null] };
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  return { oneOf: [schema, { type: 'null' }] };
}

/**
 * An object whose properties are all present in every answer (the views always set them, null
 * when empty), except those named in `optional`.
 */
export function object(properties: Record<string, Schema>, optional: string[] = [], extra: Schema = {}) {
  const required = Object.keys(properties).filter((k) => !optional.includes(k));
  return { type: 'object', properties, ...(required.length ? { required } : {}), ...extra };
}

/** Every property of `base` plus these. */
export function extend(base: string, properties: Record<string, Schema>, optional: string[] = []): Schema {
  return { allOf: [ref(base), object(properties, optional)] };
}
