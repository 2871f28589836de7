import { DomainError } from '@conduit/domain';
import type { NvpFields } from '@conduit/wire';

/**
 * The single sign-on token of an NVP request (GetSSOTokenStatus, ViewReceipt): NVP names it
 * `singleSignOnToken`, while `POST /sso` answers it as `token`, so a sender that passes on what it
 * was given is understood too (decision 0030). Both, with different values, is refused rather than
 * one of them picked.
 */
export function nvpSsoToken(f: NvpFields): string | undefined {
  const named = f.singlesignontoken;
  const alias = f.token;
  if (named !== undefined && alias !== undefined && named !== alias) {
    throw DomainError.validation([
      {
        field: 'singleSignOnToken',
        message: 'singleSignOnToken and token name the same field and differ here; send one of them',
      },
    ]);
  }
  return named ?? alias;
}
