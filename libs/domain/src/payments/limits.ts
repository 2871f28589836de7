import { DomainError } from '../errors/domain-error';
import { formatAmount } from './money';

/**
 * The merchant's per-transaction amount limit (decision 0020), set by the platform. Refused like
 * any other invalid field (400 VALIDATION_FAILED on every interface), naming the field and the
 * limit, before the processor is asked.
 */
export function assertWithinLimit(amountCents: number, limitCents: number, field = 'amount'): void {
  if (amountCents <= limitCents) return;
  throw DomainError.validation([
    {
      field,
      message: `${field} ${formatAmount(amountCents)} exceeds this merchant's per-transaction limit of ${formatAmount(limitCents)}`,
    },
  ]);
}
