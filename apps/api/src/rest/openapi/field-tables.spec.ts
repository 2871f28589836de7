import { canonicalize } from '@conduit/wire';
import { describe, expect, it } from 'vitest';
import { SSO_TOKEN_FIELDS } from '../../sso/sso-fields';
import { PLAN_FIELDS } from '../plan-fields';
import type { DomainError } from '@conduit/domain';
import { PAYMENT_FIELDS as CORE_FIELDS } from '@conduit/payments';
import { PAYMENT_SHAPE, restCommand } from '../rest-input';
import { restPlanInput } from '../rest-plan-input';
import { schemaOf, shapeOf } from './field-table';
import { PAYMENT_FIELDS } from './request-schemas';

describe('REST field tables: one source for parsing and the document', () => {
  it('the payment parser accepts every documented field and refuses any other', () => {
    const documented = Object.fromEntries(Object.keys(PAYMENT_FIELDS).map((k) => [k.toUpperCase(), null]));
    const unknownOf = (body: Record<string, unknown>) => {
      try {
        restCommand(body, 'Sale');
      } catch (err) {
        return ((err as DomainError).details.fieldErrors ?? []).filter((e) =>
          /not a known field/.test(e.message),
        );
      }
      return [];
    };
    expect(unknownOf(documented)).toEqual([]);
    expect(unknownOf({ ...documented, Colour: 'red', Card: { Shade: 1 } }).map((e) => e.field)).toEqual([
      'Colour',
      'Card.Shade',
    ]);
  });

  it('names errors only with REST paths the parser accepts', () => {
    const accepted = (path: string) =>
      path
        .split('.')
        .reduce<unknown>((shape, part) => (shape as Record<string, unknown>)?.[part], PAYMENT_SHAPE);
    const missing = CORE_FIELDS.filter((f) => f.rest && !accepted(f.rest)).map((f) => f.rest);
    expect(missing).toEqual([]);
  });

  it('derives the accepted names and the schema from one table, nested objects included', () => {
    const schema = schemaOf(PLAN_FIELDS) as { properties: Record<string, unknown>; required: string[] };
    const shape = shapeOf(PLAN_FIELDS);
    expect(Object.keys(schema.properties)).toEqual(Object.keys(shape));
    expect(schema.required).toEqual(['Outlet', 'PaymentPlanType']);
    expect(schema.properties.Card).toEqual({ $ref: '#/components/schemas/CardInput' });
    expect(shape.Card).toEqual(PAYMENT_SHAPE.Card);
  });

  it('refuses every undocumented plan field and a wrong method at once, with its REST path', () => {
    let thrown: unknown;
    try {
      restPlanInput({
        PaymentPlanType: 'Installment',
        PaymentMethod: 'Cash',
        Colour: 'red',
        Card: { Shade: 1 },
      });
    } catch (err) {
      thrown = err;
    }
    expect((thrown as { details?: unknown }).details).toEqual({
      fieldErrors: [
        { field: 'Colour', message: 'Colour is not a known field' },
        { field: 'Card.Shade', message: 'Card.Shade is not a known field' },
        { field: 'PaymentMethod', message: 'PaymentMethod must be Card, OnFile or ECheck' },
      ],
    });
  });

  it('accepts every documented SSO field, matched case-insensitively', () => {
    const body = Object.fromEntries(Object.keys(SSO_TOKEN_FIELDS).map((k) => [k.toLowerCase(), null]));
    expect(canonicalize(body, shapeOf(SSO_TOKEN_FIELDS)).unknown).toEqual([]);
  });
});
