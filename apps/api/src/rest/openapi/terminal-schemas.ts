import { PAIRING_FIELDS, TERMINAL_ACTION_FIELDS } from '../terminal-fields';
import { nestedSchemas, type SchemaObject, schemaOf } from './field-table';
import { ID, MONEY, object, ref } from './response-schemas';

const DATE_TIME = { type: 'string', format: 'date-time', example: '2026-12-02T05:12:31.1020000Z' };
const TERMINAL_DEVICE_ID = {
  type: 'string',
  pattern: '^tmd_[0-9a-z]{24}$',
  example: 'tmd_3f9a0c1b2d4e5f6a7b8c9d0e',
};
const nullable = (s: Record<string, unknown>, description?: string) => ({
  ...s,
  type: [s.type as string, 'null'],
  ...(description ? { description } : {}),
});
const list = (values: string[], description: string) => ({
  type: 'array',
  items: { type: 'string', enum: values },
  description,
});

function withArrays(schema: SchemaObject, arrays: Record<string, SchemaObject>): SchemaObject {
  return { ...schema, properties: { ...(schema.properties as object), ...arrays } };
}

/** Requests (from the tables in terminal-fields.ts) and answers of the terminal endpoints. */
export function terminalSchemas(): Record<string, SchemaObject> {
  return {
    TerminalActionRequest: withArrays(schemaOf(TERMINAL_ACTION_FIELDS, 'What the terminal is asked to do'), {
      EntryModes: list(['emv', 'nfc', 'swipe', 'key'], 'How the card may be presented (default: all)'),
    }),
    ...nestedSchemas(TERMINAL_ACTION_FIELDS),
    TerminalPairingRequest: withArrays(
      schemaOf(PAIRING_FIELDS, 'Sent by the terminal itself, with no Api-Key'),
      {
        Capabilities: list(['chip', 'contactless', 'swipe', 'keyed', 'pin'], 'What the device can read'),
      },
    ),
    TerminalOutlet: object(
      {
        MerchantID: { type: 'string', example: '1000000000001' },
        StoreID: { type: 'string', example: '001' },
        TerminalID: { type: 'string', example: '001' },
      },
      ['MerchantID', 'StoreID', 'TerminalID'],
    ),
    TerminalPairingResponse: object(
      {
        TerminalDeviceID: TERMINAL_DEVICE_ID,
        DeviceSecret: {
          type: 'string',
          pattern: '^[A-Za-z0-9_-]{43}$',
          description: 'Shown once; with TerminalDeviceID, the Basic credentials of the WebSocket',
        },
        Outlet: ref('TerminalOutlet'),
        ConnectURL: { type: 'string', example: '/rest/terminals/connect' },
      },
      ['TerminalDeviceID', 'DeviceSecret', 'Outlet', 'ConnectURL'],
    ),
    TerminalAction: object(
      {
        ActionID: ID,
        TerminalDeviceID: TERMINAL_DEVICE_ID,
        TransactionAction: { type: 'string', enum: ['Sale', 'Authorization', 'Refund', 'SaveOnFile'] },
        Amount: MONEY,
        State: {
          type: 'string',
          enum: ['Pending', 'InProgress', 'Processing', 'Completed', 'Cancelled', 'Failed', 'TimedOut'],
          example: 'Pending',
        },
        DeviceStatus: nullable(
          {
            type: 'string',
            enum: ['WaitingForCard', 'ReadingCard', 'EnterPin', 'Processing', 'RemoveCard', 'Complete', null],
          },
          'The last status the terminal reported',
        ),
        DeviceStatusText: nullable({ type: 'string', example: 'Insert, tap or swipe card' }),
        CreatedAt: DATE_TIME,
        CompletedAt: nullable(DATE_TIME),
        Transaction: {
          anyOf: [ref('PaymentResponse'), { type: 'null' }],
          description: 'The transaction the card made (approved or declined), once there is one',
        },
        ErrorMessage: nullable({ type: 'string', example: 'Cancelled by the vendor' }),
      },
      [
        'ActionID',
        'TerminalDeviceID',
        'TransactionAction',
        'Amount',
        'State',
        'DeviceStatus',
        'DeviceStatusText',
        'CreatedAt',
        'CompletedAt',
        'Transaction',
        'ErrorMessage',
      ],
    ),
    TerminalOutput: object(
      {
        TerminalDeviceID: TERMINAL_DEVICE_ID,
        Label: { type: 'string', example: 'Front desk 1' },
        Model: nullable({ type: 'string', example: 'Conduit Sim T1' }),
        SerialNumber: nullable({ type: 'string', example: 'SIM-0001' }),
        Status: { type: 'string', enum: ['Paired', 'PendingPairing'] },
        Online: { type: 'boolean' },
        LastSeenAt: nullable({ type: 'string', format: 'date-time' }),
        Outlet: ref('TerminalOutlet'),
      },
      ['TerminalDeviceID', 'Label', 'Model', 'SerialNumber', 'Status', 'Online', 'LastSeenAt', 'Outlet'],
    ),
    TerminalList: object({ Terminals: { type: 'array', items: ref('TerminalOutput') } }, ['Terminals']),
  };
}
