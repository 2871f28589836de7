import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '@conduit/domain';
import { lowerKeys } from '@conduit/wire';
import { nvpSsoToken } from './sso-token-field';

const T = 'aB3_dE5-fG7hI9jK1lM3nO5pQ7rS9tU1';

describe('nvpSsoToken', () => {
  it('reads singleSignOnToken, in any casing', () => {
    expect(nvpSsoToken(lowerKeys({ SingleSignOnToken: T }))).toBe(T);
  });

  it('accepts token, the name POST /sso answers it by', () => {
    expect(nvpSsoToken(lowerKeys({ token: T }))).toBe(T);
  });

  it('takes both when they agree', () => {
    expect(nvpSsoToken(lowerKeys({ singleSignOnToken: T, token: T }))).toBe(T);
  });

  it('refuses both with different values, naming the NVP field', () => {
    let error: unknown;
    try {
      nvpSsoToken(lowerKeys({ singleSignOnToken: T, token: `${T}x` }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect((error as DomainError).details.fieldErrors).toEqual([
      { field: 'singleSignOnToken', message: expect.stringMatching(/singleSignOnToken and token .* differ/) },
    ]);
  });

  it('is undefined when neither is sent', () => {
    expect(nvpSsoToken(lowerKeys({ transactionAction: 'GetSSOTokenStatus' }))).toBeUndefined();
  });
});
