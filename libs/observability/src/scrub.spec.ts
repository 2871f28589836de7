import { describe, expect, it } from 'vitest';
import { loggedPath, scrubText } from './scrub';

describe('scrubText', () => {
  it('drops query strings and masks tokens in paths', () => {
    expect(scrubText('Cannot GET /payment/NVP.aspx?cardNumber=4111111111111111&x=1 now')).toBe(
      'Cannot GET /payment/NVP.aspx now',
    );
    expect(scrubText('at /rest/sso/token/abcDEF_123-xyz/status')).toBe(
      'at /rest/sso/token/[REDACTED]/status',
    );
  });

  it('masks Luhn-valid card-length digit runs, secrets and bearer-shaped tokens', () => {
    expect(scrubText('pan 4111111111111111 and 5555555555554444.')).toBe('pan [REDACTED] and [REDACTED].');
    expect(scrubText('not a card 4111111111111112 nor 123456789012')).toBe(
      'not a card 4111111111111112 nor 123456789012',
    );
    expect(scrubText('secret sk_test_lakeside here')).toBe('secret sk_[REDACTED] here');
    const token = 'Q2hhbmdlLW1lLXRoaXMtaXMtYS10ZXN0LXRva2VuMDE';
    expect(token).toHaveLength(43);
    expect(scrubText(`token ${token}.`)).toBe('token [REDACTED].');
  });

  it('keeps ordinary text, including stack frames', () => {
    const line = 'TypeError: x is undefined\n    at SsoPageService.submit (/app/dist/server/main.js:10:5)';
    expect(scrubText(line)).toBe(line);
  });
});

describe('loggedPath', () => {
  it('drops the query string and masks a token in the path', () => {
    expect(loggedPath('/rest/sso/token/abcDEF_123-xyz/status')).toBe('/rest/sso/token/[REDACTED]/status');
    expect(loggedPath('/providers/Form/PatientPayments/NewPaymentSimpleSSO?token=secret')).toBe(
      '/providers/Form/PatientPayments/NewPaymentSimpleSSO',
    );
    expect(loggedPath('/rest/payment/sale')).toBe('/rest/payment/sale');
  });
});
