import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { Schema } from './json-schema';

/**
 * A request DTO's JSON Schema, read from the class-validator decorators the validation pipe
 * enforces: the document describes exactly what is checked, and cannot drift from it.
 */
type Rule = (m: ValidationMetadata) => Schema;

/** Where @ApiProperty keeps its options (@nestjs/swagger DECORATORS.API_MODEL_PROPERTIES, not exported). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

const first = (m: ValidationMetadata) => m.constraints?.[0] as unknown;

const RULES: Record<string, Rule> = {
  isString: () => ({ type: 'string' }),
  isBoolean: () => ({ type: 'boolean' }),
  isInt: () => ({ type: 'integer' }),
  isNumber: () => ({ type: 'number' }),
  isObject: () => ({ type: 'object' }),
  isEmail: () => ({ type: 'string', format: 'email' }),
  isUuid: () => ({ type: 'string', format: 'uuid' }),
  isIn: (m) => ({ enum: [...(first(m) as unknown[])] }),
  isEnum: (m) => ({ enum: Object.values(first(m) as object) }),
  matches: (m) => ({ type: 'string', pattern: (first(m) as RegExp).source }),
  minLength: (m) => ({ minLength: first(m) }),
  maxLength: (m) => ({ maxLength: first(m) }),
  isLength: (m) => ({
    minLength: m.constraints[0],
    ...(m.constraints[1] !== undefined ? { maxLength: m.constraints[1] } : {}),
  }),
  min: (m) => ({ minimum: first(m) }),
  max: (m) => ({ maximum: first(m) }),
};

/** Rules about the array itself rather than its items. */
const ARRAY_RULES: Record<string, Rule> = {
  isArray: () => ({ type: 'array' }),
  arrayMaxSize: (m) => ({ maxItems: first(m) }),
  arrayMinSize: (m) => ({ minItems: first(m) }),
};

function property(metas: ValidationMetadata[]): { schema: Schema; optional: boolean } {
  let optional = false;
  let own: Schema = {};
  let items: Schema | undefined;
  for (const m of metas) {
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      optional = true;
      continue;
    }
    const name = m.name ?? '';
    const arrayRule = ARRAY_RULES[name];
    if (arrayRule) {
      own = { ...own, ...arrayRule(m) };
      continue;
    }
    const rule = RULES[name];
    if (!rule) throw new Error(`admin OpenAPI: no schema for the class-validator rule "${name}"`);
    if (m.each) items = { ...items, ...rule(m) };
    else own = { ...own, ...rule(m) };
  }
  if (items) own = { type: 'array', ...own, items };
  const accepted = Object.keys(own).length === 0;
  if (accepted && optional)
    return {
      optional,
      schema: { description: 'Read-only: accepted (react-admin sends the whole record back) and ignored' },
    };
  // IsOptional lets null through as well as a missing field.
  if (optional && typeof own.type === 'string') own = { ...own, type: [own.type, 'null'] };
  return { schema: own, optional };
}

/** Swagger's decorator options, less what is not JSON Schema. */
function documentedSchema({ required: _r, isArray: _a, ...schema }: Schema): Schema {
  return schema;
}

export function dtoSchema(dto: new () => object): Schema {
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of metas) byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [name, list] of byProperty) {
    const { schema, optional } = property(list);
    // A field the service checks itself says what it takes with @ApiPropertyOptional.
    const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, dto.prototype, name) as Schema | undefined;
    properties[name] = documented ? documentedSchema(documented) : schema;
    if (!optional) required.push(name);
  }
  return {
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    // The validation pipe refuses any other field.
    additionalProperties: false,
  };
}
