import { describe, expect, it } from 'vitest';
import { type PaymentResult, type TransactionView } from '@conduit/payments';
import { PAYMENT_FIELDS } from '@conduit/payments';
import { resultFields } from './nvp-output';
import { nvpReference, nvpReferenceHtml, RESPONSE_FIELDS } from './nvp-reference';

/** An answer with every optional part present, so `resultFields` names every field it can. */
const everything = {
  transaction: {
    isPartiallyApproved: true,
    status: 'C',
    card: { brand: 'VISA', emv: { applicationId: 'A0000000031010' } },
    echeck: { routingNumber: '021000021' },
    paymentMethodId: 'PM',
    plan: { paymentPlanId: 'P', type: 'Installment', sequence: 1, installmentCount: 3 },
    patient: {},
    additionalInfo: ['', '', '', '', '', ''],
  } as unknown as TransactionView,
  primaryTransactionStatus: 'C',
  saveOnFileTransactionId: 'S',
} as PaymentResult;

describe('the NVP reference', () => {
  it('documents every field an NVP answer can carry, and no other', () => {
    const answered = resultFields(everything).map(([name]) => name);
    expect(new Set(answered)).toEqual(new Set(Object.keys(RESPONSE_FIELDS)));
  });

  it('lists every request field of the field table with what it accepts', () => {
    const ref = nvpReference();
    expect(ref.requestFields.map((f) => f.name)).toEqual(PAYMENT_FIELDS.map((f) => f.name));
    expect(ref.requestFields.find((f) => f.name === 'cardVerificationNumber')).toMatchObject({
      aliases: ['cvv', 'cvv2', 'cvc', 'cvn'],
      rest: 'Card.CVN',
    });
    expect(ref.actions).toContain('GetSSOTokenStatus');
    expect(ref.responseCodes).toContainEqual({ code: '051', message: 'INSUFFICIENT FUNDS' });
  });

  it('renders an HTML page with a row per field, escaping what it shows', () => {
    const html = nvpReferenceHtml();
    for (const f of PAYMENT_FIELDS) expect(html).toContain(`<code>${f.name}</code>`);
    expect(html).toContain('patient&#39;s account');
    expect(html).not.toMatch(/<script/i);
  });
});
