import { canonicalize } from '@conduit/wire';
import { describe, expect, it } from 'vitest';
import { SSO_TOKEN_FIELDS } from '../../sso/sso-fields';
import { PLAN_FIELDS } from '../plan-fields';
import { PAYMENT_SHAPE } from '../rest-input';
import { restPlanInput } from '../rest-plan-input';
import { schemaOf, shapeOf } from './field-table';
import { PAYMENT_FIELDS } from './request-schemas';

describe('REST field tables: one source for parsing and the document', () => {
  it('documents exactly the payment fields the payment parser accepts', () => {
    // rest-input.ts still keeps its own shape; this fails the day the two differ.
    expect(shapeOf(PAYMENT_FIELDS)).toEqual(PAYMENT_SHAPE);
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
