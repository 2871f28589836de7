import { describe, expect, it } from 'vitest';
import { loggedPath } from './fastify';

describe('loggedPath', () => {
  it('drops the query string and masks a token in the path', () => {
    expect(loggedPath('/rest/sso/token/abcDEF_123-xyz/status')).toBe('/rest/sso/token/[REDACTED]/status');
    expect(loggedPath('/providers/Form/PatientPayments/NewPaymentSimpleSSO?token=secret')).toBe(
      '/providers/Form/PatientPayments/NewPaymentSimpleSSO',
    );
    expect(loggedPath('/rest/payment/sale')).toBe('/rest/payment/sale');
  });
});
