import type { StatusChipFieldProps } from '../common/fields';

/** Pairing status → [label key, colour]; the label always carries the meaning, not the colour. */
export const TERMINAL_STATES: StatusChipFieldProps['states'] = {
  PENDING_PAIRING: ['conduit.terminals.states.pending_pairing', 'warning'],
  PAIRED: ['conduit.terminals.states.paired', 'success'],
  REVOKED: ['conduit.terminals.states.revoked', 'default'],
};

export const TERMINAL_STATUS_CHOICES = Object.entries(TERMINAL_STATES).map(([id, [name]]) => ({ id, name }));

const ACTION_STATE_LABELS: Record<string, string> = {
  pending: 'conduit.terminals.action_states.pending',
  inprogress: 'conduit.terminals.action_states.in_progress',
  processing: 'conduit.terminals.action_states.processing',
  completed: 'conduit.terminals.action_states.completed',
  cancelled: 'conduit.terminals.action_states.cancelled',
  failed: 'conduit.terminals.action_states.failed',
  timedout: 'conduit.terminals.action_states.timed_out',
};

/** An action's state (contracts C.3 `State`: "InProgress", or its stored "IN_PROGRESS") → its label key. */
export const actionStateLabel = (state: string): string | undefined =>
  ACTION_STATE_LABELS[state.replace(/_/g, '').toLowerCase()];
