import {
  DomainError,
  ErrorCode,
  ipAllowed,
  organizationScope,
  type PaymentPrincipal,
  type TenantScope,
} from '@conduit/domain';

/** A merchant an organization reaches (own or granted), as the access rule needs it. */
export interface ReachedMerchant {
  id: string;
  merchantId: string;
  organizationId: string;
  ipAllowlist: string[];
  status: string;
  /** The partner grant's scope; null for the organization's own merchants. */
  grantScope: string | null;
}

export type MerchantNeed = 'read' | 'payments';

/** A refusal, and whether it is an address refusal (those are audited). */
export interface AccessRefusal {
  error: DomainError;
  ipRefused: boolean;
}

/**
 * The one rule for what an API principal may do at a merchant its organization reaches
 * (tenancy.md): a read-only grant cannot pay, a restricted credential reaches only its merchants,
 * the merchant's IP allowlist applies to every call that touches its data (reads too), and a
 * suspended merchant takes no payments. Null when allowed.
 */
export function refusalOf(
  principal: PaymentPrincipal,
  m: ReachedMerchant,
  need: MerchantNeed,
): AccessRefusal | null {
  const refuse = (error: DomainError, ipRefused = false) => ({ error, ipRefused });
  const own = m.organizationId === principal.organizationId;
  if (!own && need === 'payments' && m.grantScope !== 'payments')
    return refuse(DomainError.forbidden('This partner grant allows reading only'));
  // A batch principal is always restricted (its account's merchants), even to an empty list.
  const system = principal.kind === 'BATCH' || principal.kind === 'PLAN' || principal.kind === 'TERMINAL';
  const restricted = principal.merchantIds.length > 0 || system;
  if (restricted && !principal.merchantIds.includes(m.merchantId))
    return refuse(
      DomainError.forbidden(
        system
          ? "This merchant is not in this account's scope"
          : 'This credential is restricted from this merchant',
      ),
    );
  // Allowlists restrict API callers (tenancy.md); a console user's page is not an API request,
  // and neither is an import file (the gateway account has its own sign-in and ban rules).
  const apiCaller = principal.kind !== 'STAFF' && !system;
  if (apiCaller && !ipAllowed(principal.ip, m.ipAllowlist))
    return refuse(
      new DomainError(
        ErrorCode.IP_NOT_ALLOWED,
        `IP address ${principal.ip ?? 'unknown'} is not allowed for this merchant`,
      ),
      true,
    );
  if (need === 'payments' && m.status === 'SUSPENDED')
    return refuse(DomainError.forbidden('This merchant is suspended'));
  return null;
}

/**
 * What a principal reads through: its organization's scope, narrowed to the merchants the rule
 * above lets it read when that excludes any; and whether it may pay at a merchant (only then does
 * it see stored cards' `PaymentMethodID`s).
 */
export interface PrincipalReach {
  scope: TenantScope;
  mayRead(merchantRef: string): boolean;
  mayTransact(merchantRef: string): boolean;
}

export function reachOf(principal: PaymentPrincipal, reached: ReachedMerchant[]): PrincipalReach {
  const readable = reached.filter((m) => !refusalOf(principal, m, 'read'));
  const readableRefs = new Set(readable.map((m) => m.id));
  const payable = new Set(reached.filter((m) => !refusalOf(principal, m, 'payments')).map((m) => m.id));
  const narrowed = readable.length !== reached.length;
  return {
    scope: narrowed
      ? {
          kind: 'organization',
          organizationId: principal.organizationId,
          merchantRefs: readable.map((m) => m.id),
        }
      : organizationScope(principal.organizationId),
    mayRead: (ref) => readableRefs.has(ref),
    mayTransact: (ref) => payable.has(ref),
  };
}
