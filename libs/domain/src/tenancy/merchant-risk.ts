import { DomainError } from '../errors/domain-error';
import { type Actor } from './actor';
import { can, Permission } from './roles';

/**
 * A merchant's platform risk controls (decision 0020): who may take money through it at all, to
 * any card without a prior sale, and how much at once. Only a platform admin changes them.
 */
export interface MerchantRiskSettings {
  status: 'ACTIVE' | 'SUSPENDED';
  allowUnreferencedRefunds: boolean;
  maxTransactionCents: number;
}

/** What a new merchant gets: active, no unreferenced refunds, the platform's limit (99,999.99). */
export const DEFAULT_MERCHANT_RISK: Readonly<MerchantRiskSettings> = Object.freeze({
  status: 'ACTIVE',
  allowUnreferencedRefunds: false,
  maxTransactionCents: 9_999_999,
});

const FIELD_NAMES: Record<keyof MerchantRiskSettings, string> = {
  status: 'status',
  allowUnreferencedRefunds: 'allowUnreferencedRefunds',
  maxTransactionCents: 'maxTransactionAmount',
};

/**
 * Refuses (403, nothing written) a change of any risk control by someone without
 * MERCHANTS_RISK_WRITE. Sending a control with the value it already has is not a change, since
 * the console sends the whole record back on edit.
 */
export function assertRiskChangeAllowed(
  actor: Actor,
  current: Readonly<MerchantRiskSettings>,
  requested: Partial<MerchantRiskSettings>,
): void {
  if (can(actor.role, Permission.MERCHANTS_RISK_WRITE)) return;
  const changed = (Object.keys(FIELD_NAMES) as (keyof MerchantRiskSettings)[]).filter(
    (k) => requested[k] !== undefined && requested[k] !== current[k],
  );
  if (changed.length)
    throw DomainError.forbidden(
      `Only a platform administrator may change ${changed.map((k) => FIELD_NAMES[k]).join(', ')}`,
    );
}
