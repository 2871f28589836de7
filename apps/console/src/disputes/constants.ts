import type { StatusChipFieldProps } from '../common/fields';

export const DISPUTE_STATES: StatusChipFieldProps['states'] = {
  NEEDS_RESPONSE: ['conduit.disputes.states.needs_response', 'warning'],
  UNDER_REVIEW: ['conduit.disputes.states.under_review', 'info'],
  WON: ['conduit.disputes.states.won', 'success'],
  LOST: ['conduit.disputes.states.lost', 'error'],
};

export const DISPUTE_STATUS_CHOICES = Object.entries(DISPUTE_STATES).map(([id, [name]]) => ({ id, name }));

/** docs/settlement.md: each file ≤ 5 MiB decoded, ≤ 5 files per response. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 5;
