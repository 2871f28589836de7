import type { Shape } from '@conduit/wire';

/** An OpenAPI 3.1 (JSON Schema 2020-12) schema object. */
export type SchemaObject = Record<string, unknown>;

export interface ScalarField {
  type: 'string' | 'integer' | 'boolean' | 'number';
  description?: string;
  example?: unknown;
  enum?: string[];
  pattern?: string;
  format?: string;
  required?: boolean;
}

/** A nested object, documented as its own component (`ref`) and parsed by its own table. */
export interface ObjectField {
  ref: string;
  fields: FieldTable;
  description?: string;
  required?: boolean;
}

export type FieldTable = Record<string, ScalarField | ObjectField>;

const isObject = (f: ScalarField | ObjectField): f is ObjectField => 'fields' in f;

/**
 * The names a REST parser accepts (matched case-insensitively by `canonicalize`); anything else
 * is refused as an unknown field. Derived from the same table as the schema, so the two agree.
 */
export function shapeOf(table: FieldTable): Shape {
  return Object.fromEntries(
    Object.entries(table).map(([name, f]) => [name, isObject(f) ? shapeOf(f.fields) : true]),
  );
}

/** The request schema the document publishes for a table: its fields, required ones, no others. */
export function schemaOf(table: FieldTable, description?: string): SchemaObject {
  const properties: Record<string, SchemaObject> = {};
  for (const [name, f] of Object.entries(table)) {
    if (isObject(f)) {
      properties[name] = {
        $ref: `#/components/schemas/${f.ref}`,
        ...(f.description && { description: f.description }),
      };
    } else {
      const { required: _required, ...schema } = f;
      properties[name] = schema;
    }
  }
  const required = Object.entries(table)
    .filter(([, f]) => f.required)
    .map(([name]) => name);
  return {
    type: 'object',
    ...(description && { description }),
    properties,
    ...(required.length && { required }),
    additionalProperties: false,
  };
}

/** Every nested object's component, keyed by its `ref`, for the document's `components`. */
export function nestedSchemas(table: FieldTable): Record<string, SchemaObject> {
  const out: Record<string, SchemaObject> = {};
  for (const f of Object.values(table)) {
    if (!isObject(f)) continue;
    out[f.ref] = schemaOf(f.fields);
    Object.assign(out, nestedSchemas(f.fields));
  }
  return out;
}

export const AMOUNT: ScalarField = {
  type: 'string',
  pattern: '^\\d+(\\.\\d{1,2})?$',
  description: 'Dollars as a decimal string with at most 2 places',
  example: '25.00',
};
export const DATE: ScalarField = { type: 'string', format: 'date', example: '2026-12-15' };

/** A field that is a string with an example, the common case. */
export const text = (example?: string, description?: string): ScalarField => ({
  type: 'string',
  ...(example !== undefined && { example }),
  ...(description && { description }),
});

export const ADDITIONAL_INFO: FieldTable = Object.fromEntries(
  [1, 2, 3, 4, 5, 6].map((i) => [
    `AdditionalInfo${i}`,
    text(i === 1 ? 'INV-2231' : undefined, 'Free text kept with the transaction and returned as sent'),
  ]),
);
