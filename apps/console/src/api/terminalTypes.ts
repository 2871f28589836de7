/**
 * Payment terminals as the admin API answers them (contracts C.4). Written from the contract
 * until the admin OpenAPI document describes them; then these become aliases of the generated
 * types like the others in ./types.ts.
 */
export type TerminalStatus = 'PENDING_PAIRING' | 'PAIRED' | 'REVOKED';

export type TerminalActionState =
  'Pending' | 'InProgress' | 'Processing' | 'Completed' | 'Cancelled' | 'Failed' | 'TimedOut';

export interface TerminalCurrentAction {
  actionId: string;
  state: TerminalActionState;
  amount: string | null;
}

export interface Terminal {
  id: string;
  terminalDeviceId: string;
  organizationId: string;
  merchantRef: string;
  merchantId: string;
  merchantName: string;
  outletId: string;
  storeId: string;
  terminalId: string;
  label: string;
  model: string | null;
  serialNumber: string | null;
  firmware: string | null;
  capabilities: string[];
  status: TerminalStatus;
  online: boolean;
  lastSeenAt: string | null;
  pairedAt: string | null;
  pairingCodeExpiresAt: string | null;
  createdAt: string;
  currentAction: TerminalCurrentAction | null;
}

/** The create and new-code answers: the record plus the one-time code, shown once. */
export type TerminalWithPairingCode = Terminal & { pairingCode: string };
