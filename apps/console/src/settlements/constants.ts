import type { StatusChipFieldProps } from '../common/fields';
import { TENDER_CHOICES } from '../transactions/constants';

export const SETTLEMENT_STATES: StatusChipFieldProps['states'] = {
  OPEN: ['Open', 'info'],
  SUBMITTED: ['Submitted', 'default'],
  SETTLED: ['Settled', 'success'],
  PARTIALLY_SETTLED: ['Partially settled', 'warning'],
  DEPOSITED: ['Deposited', 'success'],
};

export const SETTLEMENT_STATUS_CHOICES = Object.entries(SETTLEMENT_STATES).map(([id, [name]]) => ({
  id,
  name,
}));

export const DEPOSIT_STATES: StatusChipFieldProps['states'] = {
  EXPECTED: ['Expected', 'info'],
  DEPOSITED: ['Deposited', 'success'],
};

export const ITEM_KIND_LABELS: Record<string, string> = {
  Sale: 'Sale',
  Refund: 'Refund',
  Return: 'Return',
  Chargeback: 'Chargeback',
  ChargebackReversal: 'Chargeback reversal',
};

export const ITEM_OUTCOME_STATES: StatusChipFieldProps['states'] = {
  SETTLED: ['Settled', 'success'],
  ERROR: ['Error', 'error'],
};

export const tenderName = (tender: string | null | undefined): string =>
  TENDER_CHOICES.find((t) => t.id === tender)?.name ?? tender ?? '—';

/** "Credit card · VISA", "eCheck". */
export const breakdownLabel = (row: { tender: string; brand: string | null }): string =>
  row.brand ? `${tenderName(row.tender)} · ${row.brand.toUpperCase()}` : tenderName(row.tender);
