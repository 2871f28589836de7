import {
  array,
  boolean,
  dateTime,
  enumOf,
  extend,
  nullable,
  object,
  string,
  uuid,
  type Schema,
} from '../json-schema';

/** Server-driven terminals in the console (devices.md "Server-driven terminals"). */
export const terminalSchemas: Record<string, Schema> = {
  Terminal: object({
    id: uuid(),
    terminalDeviceId: string({
      pattern: '^tmd_[0-9a-z]{24}$',
      description: 'The id the device and REST use',
    }),
    organizationId: uuid(),
    merchantRef: uuid(),
    merchantId: string({ pattern: '^\\d{13}$', description: 'The 13-digit MerchantID' }),
    merchantName: string(),
    outletId: uuid(),
    storeId: string({ pattern: '^\\d{3}$' }),
    terminalId: string({ pattern: '^\\d{3}$' }),
    label: string(),
    model: nullable(string()),
    serialNumber: nullable(string()),
    firmware: nullable(string()),
    capabilities: array(string(), { description: 'chip, contactless, swipe, keyed, pin' }),
    status: enumOf(['PENDING_PAIRING', 'PAIRED', 'REVOKED']),
    online: boolean({ description: 'A live socket on some api replica (heartbeat-refreshed presence)' }),
    lastSeenAt: nullable(dateTime()),
    pairedAt: nullable(dateTime()),
    pairingCodeExpiresAt: nullable(dateTime({ description: 'While a pairing code is outstanding' })),
    createdAt: dateTime(),
    currentAction: nullable(
      object({
        actionId: string({ pattern: '^[0-9A-F]{32}$' }),
        state: enumOf(['Pending', 'InProgress', 'Processing']),
        amount: string({ pattern: '^\\d+\\.\\d{2}$' }),
      }),
    ),
  }),
  TerminalWithPairingCode: extend('Terminal', {
    pairingCode: string({
      pattern: '^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$',
      description: 'Shown once: single use, valid 15 minutes, kept only as a hash',
    }),
  }),
};
