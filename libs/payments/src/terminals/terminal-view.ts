import { ACTION_STATES, type ActionState, formatAmount } from '@conduit/domain';
import type { TerminalActionRow, TerminalRow } from '@conduit/db';
import { toWireId, wireDate } from '../ids';

/** A terminal as the admin API shows it (contracts C.4). */
export interface TerminalRecord {
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
  status: 'PENDING_PAIRING' | 'PAIRED' | 'REVOKED';
  online: boolean;
  lastSeenAt: string | null;
  pairedAt: string | null;
  pairingCodeExpiresAt: string | null;
  createdAt: string;
  currentAction: { actionId: string; state: string; amount: string } | null;
}

export function terminalRecord(t: TerminalRow, online: boolean): TerminalRecord {
  const open = t.actions[0];
  return {
    id: t.id,
    terminalDeviceId: t.terminalDeviceId,
    organizationId: t.organizationId,
    merchantRef: t.merchantRef,
    merchantId: t.merchant.merchantId,
    merchantName: t.merchant.name,
    outletId: t.outletRef,
    storeId: t.outlet.storeId,
    terminalId: t.outlet.terminalId,
    label: t.label,
    model: t.model,
    serialNumber: t.serialNumber,
    firmware: t.firmware,
    capabilities: t.capabilities,
    status: t.status,
    online: t.status === 'PAIRED' && online,
    lastSeenAt: t.lastSeenAt?.toISOString() ?? null,
    pairedAt: t.pairedAt?.toISOString() ?? null,
    pairingCodeExpiresAt: t.pairingCodeExpiresAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    currentAction: open
      ? {
          actionId: toWireId(open.id),
          state: ACTION_STATES[open.state as ActionState],
          amount: formatAmount(Number(open.amountCents)),
        }
      : null,
  };
}

/** An action as REST shows it, without its transaction (the edge renders that). */
export interface ActionView {
  ActionID: string;
  TerminalDeviceID: string;
  TransactionAction: string;
  Amount: string;
  State: string;
  DeviceStatus: string | null;
  DeviceStatusText: string | null;
  CreatedAt: string;
  CompletedAt: string | null;
  ErrorMessage: string | null;
}

export function actionView(a: TerminalActionRow, terminalDeviceId: string): ActionView {
  return {
    ActionID: toWireId(a.id),
    TerminalDeviceID: terminalDeviceId,
    TransactionAction: a.action,
    Amount: formatAmount(Number(a.amountCents)),
    State: ACTION_STATES[a.state as ActionState],
    DeviceStatus: a.deviceStatus,
    DeviceStatusText: a.deviceStatusText,
    CreatedAt: wireDate(a.createdAt),
    CompletedAt: a.completedAt ? wireDate(a.completedAt) : null,
    ErrorMessage: a.errorMessage,
  };
}
