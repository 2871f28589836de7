import type { TranslateFunction } from 'react-admin';
import type { StatusChipFieldProps } from '../common/fields';
import { TENDER_CHOICES } from '../transactions/constants';

export const SETTLEMENT_STATES: StatusChipFieldProps['states'] = {
  OPEN: ['conduit.settlements.states.open', 'info'],
  SUBMITTED: ['conduit.settlements.states.submitted', 'default'],
  SETTLED: ['conduit.settlements.states.settled', 'success'],
  PARTIALLY_SETTLED: ['conduit.settlements.states.partially_settled', 'warning'],
  DEPOSITED: ['conduit.settlements.states.deposited', 'success'],
};

export const SETTLEMENT_STATUS_CHOICES = Object.entries(SETTLEMENT_STATES).map(([id, [name]]) => ({
  id,
  name,
}));

export const DEPOSIT_STATES: StatusChipFieldProps['states'] = {
  EXPECTED: ['conduit.settlements.states.expected', 'info'],
  DEPOSITED: ['conduit.settlements.states.deposited', 'success'],
};

/** i18n keys of the item kinds. */
export const ITEM_KIND_LABELS: Record<string, string> = {
  Sale: 'conduit.settlements.kinds.sale',
  Refund: 'conduit.settlements.kinds.refund',
  Return: 'conduit.settlements.kinds.return',
  Chargeback: 'conduit.settlements.kinds.chargeback',
  ChargebackReversal: 'conduit.settlements.kinds.chargeback_reversal',
};

export const ITEM_OUTCOME_STATES: StatusChipFieldProps['states'] = {
  SETTLED: ['conduit.settlements.states.settled', 'success'],
  ERROR: ['conduit.settlements.states.error', 'error'],
};

/** The tender's name (TENDER_CHOICES names are i18n keys or text; `_` keeps text as it is). */
export const tenderName = (tender: string | null | undefined, translate: TranslateFunction): string => {
  const name = TENDER_CHOICES.find((t) => t.id === tender)?.name;
  return name ? translate(name, { _: name }) : (tender ?? '—');
};

/** "Credit card · VISA", "eCheck". */
export const breakdownLabel = (
  row: { tender: string; brand: string | null },
  translate: TranslateFunction,
): string =>
  row.brand
    ? `${tenderName(row.tender, translate)} · ${row.brand.toUpperCase()}`
    : tenderName(row.tender, translate);
