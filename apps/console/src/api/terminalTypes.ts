/** Payment terminals as the admin API answers them (contracts C.4); aliases of the generated types. */
import type { components } from './generated/admin-api';

type S = components['schemas'];

export type Terminal = S['Terminal'];
export type TerminalStatus = Terminal['status'];
export type TerminalCurrentAction = NonNullable<Terminal['currentAction']>;

/** The create and new-code answers: the record plus the one-time code, shown once. */
export type TerminalWithPairingCode = S['TerminalWithPairingCode'];
