import { Injectable } from '@nestjs/common';
import {
  abaValid,
  DomainError,
  ErrorCode,
  type FieldError,
  formatAmount,
  isExpired,
  luhnValid,
  parseExpiry,
} from '@conduit/domain';
import { type SsoTokenRow, UnitOfWork } from '@conduit/db';
import { CredentialAuthService } from '@conduit/tenancy';
import { fromWireId } from '../ids';
import { PaymentsService } from '../payments.service';
import type { PaymentResult } from '../transaction-view';
import { SsoService, statusOf } from './sso.service';
import { parsePaymentCommand } from '../commands/parse-payment-command';

/** What the payer typed on the hosted page. */
export interface PageForm {
  tender?: string;
  amount?: string;
  cardNumber?: string;
  cardExpiration?: string;
  cardVerificationNumber?: string;
  cardHolderName?: string;
  zip?: string;
  routingNumber?: string;
  accountNumber?: string;
  accountType?: string;
  accountHolderName?: string;
  /** The plan pages' authorization box ("yes" when ticked). */
  authorize?: string;
}

export type PageOutcome =
  | { kind: 'unknown' }
  | { kind: 'used'; token: SsoTokenRow }
  | { kind: 'expired'; token: SsoTokenRow }
  | { kind: 'invalid'; token: SsoTokenRow; errors: { field: string; message: string }[] }
  | { kind: 'done'; token: SsoTokenRow; result: PaymentResult }
  /** Whoever created the link may no longer take payments there (disabled, removed, restricted). */
  | { kind: 'refused'; token: SsoTokenRow };

/**
 * What the page checks before anything is processed, so a typo never uses up the token (the core
 * would answer a Luhn failure with a decline).
 */
export function pageChecks(t: SsoTokenRow, f: PageForm): FieldError[] {
  const errors: FieldError[] = [];
  if (f.tender === 'ECheck' && !t.preventCheck) {
    if (!abaValid((f.routingNumber ?? '').replace(/[\s-]/g, '')))
      errors.push({ field: 'routingNumber', message: 'Enter a valid 9-digit routing number' });
    return errors;
  }
  if (!luhnValid((f.cardNumber ?? '').replace(/[\s-]/g, '')))
    errors.push({ field: 'cardNumber', message: 'Enter a valid card number' });
  try {
    if (isExpired(parseExpiry({ expiration: f.cardExpiration }), new Date()))
      errors.push({ field: 'cardExpiration', message: 'This card has expired' });
  } catch {
    errors.push({ field: 'cardExpiration', message: 'Enter the expiration date as MM/YY' });
  }
  return errors;
}

const PAGE_FIELDS = [
  'tender',
  'amount',
  'cardNumber',
  'cardExpiration',
  'cardVerificationNumber',
  'cardHolderName',
  'zip',
  'routingNumber',
  'accountNumber',
  'accountType',
  'accountHolderName',
  'authorize',
] as const satisfies readonly (keyof PageForm)[];

/**
 * The posted body as the page's form: each field once, as text. A field sent twice (or any
 * value that is not text) is the payer's or a script's mistake to correct, never a server error.
 */
export function parsePageForm(body: unknown): { form: PageForm; errors: FieldError[] } {
  const source = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const form: PageForm = {};
  const errors: FieldError[] = [];
  for (const name of PAGE_FIELDS) {
    const value = source[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') form[name] = value;
    else errors.push({ field: name, message: 'Send this field once, as text' });
  }
  return { form, errors };
}

/** Refusals of the link's creator, shown to the payer as a page, not an API error. */
const REFUSALS = new Set<string>([ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND, ErrorCode.IP_NOT_ALLOWED]);

/** A hosted page submission: one token, one transaction, whatever the browser sends twice. */
@Injectable()
export class SsoPageService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sso: SsoService,
    private readonly access: CredentialAuthService,
    private readonly payments: PaymentsService,
  ) {}

  async view(rawToken: unknown): Promise<PageOutcome> {
    const token = await this.sso.forPage(rawToken);
    if (!token) return { kind: 'unknown' };
    const status = statusOf(token);
    if (status === 'EXPIRED') return { kind: 'expired', token };
    if (status === 'COMPLETE' || token.claimedAt) return { kind: 'used', token };
    return { kind: 'invalid', token, errors: [] };
  }

  /**
   * Everything that can be checked is checked before the token is claimed, and once claimed every
   * failure before a transaction exists releases it: only a processed payment uses a link up.
   */
  async submit(rawToken: unknown, body: unknown): Promise<PageOutcome> {
    const token = await this.sso.forPage(rawToken);
    if (!token) return { kind: 'unknown' };
    const status = statusOf(token);
    if (status === 'EXPIRED') return { kind: 'expired', token };
    if (status === 'COMPLETE' || token.claimedAt) return { kind: 'used', token };
    const parsed = parsePageForm(body);
    const form = parsed.form;
    const problems = parsed.errors.length ? parsed.errors : pageChecks(token, form);
    if (problems.length) return { kind: 'invalid', token, errors: problems };
    if (!(await this.uow.read.ssoTokens.claim(token.id))) {
      const again = (await this.sso.forPage(rawToken)) as SsoTokenRow;
      return statusOf(again) === 'EXPIRED'
        ? { kind: 'expired', token: again }
        : { kind: 'used', token: again };
    }
    let result: PaymentResult;
    try {
      const principal = token.createdByUserId
        ? await this.access.staffPrincipal(token.createdByUserId, token.organizationId, token.creatorIp)
        : await this.access.principalFor(token.credentialIdentifier, token.creatorIp);
      result = await this.payments.execute(principal, parsePaymentCommand(this.input(token, form)));
    } catch (err) {
      await this.uow.read.ssoTokens.release(token.id);
      if (err instanceof DomainError && err.code === ErrorCode.VALIDATION_FAILED)
        return {
          kind: 'invalid',
          token,
          errors: err.details.fieldErrors ?? [{ field: 'form', message: err.message }],
        };
      if (err instanceof DomainError && REFUSALS.has(err.code)) return { kind: 'refused', token };
      throw err;
    }
    // From here a transaction exists: a failure keeps the claim (retrying would charge twice), and
    // expiry takes the token once the claim is abandoned.
    this.sso.forget(token.organizationId, token.tokenHash);
    const done = await this.uow.read.ssoTokens.complete(
      token.id,
      fromWireId(result.transaction.transactionId, 'Transaction'),
    );
    return { kind: 'done', token: done, result };
  }

  private input(t: SsoTokenRow, f: PageForm) {
    const echeck = f.tender === 'ECheck' && !t.preventCheck;
    if (!echeck && t.preventCard)
      throw DomainError.validation([{ field: 'tender', message: 'Choose eCheck' }]);
    const amount =
      t.isReadOnly || (t.amountCents !== null && !f.amount)
        ? formatAmount(Number(t.amountCents ?? 0n))
        : f.amount;
    const saveOnly = t.action !== 'Sale';
    return {
      channel: 'PAGE' as const,
      transactionAction: saveOnly ? 'SaveOnFile' : 'Sale',
      transactionType: echeck ? 'ECheck' : 'CreditCard',
      merchantId: t.merchant.merchantId,
      storeId: t.storeId,
      terminalId: t.terminalId,
      amount: saveOnly ? undefined : amount,
      card: echeck
        ? undefined
        : {
            cardNumber: f.cardNumber?.replace(/[\s-]/g, ''),
            cardExpiration: f.cardExpiration,
            cardVerificationNumber: f.cardVerificationNumber,
            cardHolderName: f.cardHolderName,
            // A patient on their own device pays over the internet; staff key a card from the phone.
            cardPresentStatus: t.createdByUserId ? 'NotPresentPhone' : 'NotPresentInternet',
          },
      echeck: echeck
        ? {
            routingNumber: f.routingNumber,
            accountNumber: f.accountNumber,
            accountType: f.accountType,
            accountHolderName: f.accountHolderName,
          }
        : undefined,
      patient: { patientId: t.patientId, firstName: t.patientFirstName, lastName: t.patientLastName },
      additionalInfo: t.additionalInfo,
    };
  }
}
