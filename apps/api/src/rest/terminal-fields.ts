import { DomainError, parseTerminalActionRequest, type TerminalActionRequest } from '@conduit/domain';
import { withRefusals } from '@conduit/payments';
import { canonicalize } from '@conduit/wire';
import { ADDITIONAL_INFO, AMOUNT, type FieldTable, shapeOf } from './openapi/field-table';
import { PATIENT_FIELDS } from './openapi/input-fields';

// The server-driven terminals' request fields (devices.md): rest-terminals.controller.ts parses
// by these tables and the OpenAPI document publishes them, so what is documented is accepted.

/** `POST /rest/terminals/{TerminalDeviceID}/process-payment`. */
export const TERMINAL_ACTION_FIELDS: FieldTable = {
  TransactionAction: {
    type: 'string',
    enum: ['Sale', 'Authorization', 'Refund', 'SaveOnFile'],
    example: 'Sale',
    required: true,
    description: 'Refund: to the card presented at the terminal',
  },
  Amount: { ...AMOUNT, description: 'Required except for SaveOnFile' },
  Patient: { ref: 'PatientInput', fields: PATIENT_FIELDS },
  ...ADDITIONAL_INFO,
  // An array: the document replaces this entry's schema (terminal-schemas.ts); parsing keeps it as sent.
  EntryModes: {
    type: 'string',
    description: 'How the card may be presented: any of emv, nfc, swipe, key (default: all)',
  },
  TimeoutSeconds: {
    type: 'integer',
    example: 120,
    description: 'Seconds the terminal waits for the card, 10–600 (default 120)',
  },
};

/** `POST /rest/terminals/pair` (the device, no Api-Key). */
export const PAIRING_FIELDS: FieldTable = {
  PairingCode: {
    type: 'string',
    example: 'ABCD-EFGH',
    required: true,
    pattern: '^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$',
    description: 'The one-time code from the console: single use, valid 15 minutes',
  },
  Model: { type: 'string', example: 'Conduit Sim T1' },
  SerialNumber: { type: 'string', example: 'SIM-0001' },
  Firmware: { type: 'string', example: '1.0.0' },
  Capabilities: {
    type: 'string',
    description: 'Array of chip, contactless, swipe, keyed, pin',
  },
};

const ACTION_SHAPE = shapeOf(TERMINAL_ACTION_FIELDS);
const PAIRING_SHAPE = shapeOf(PAIRING_FIELDS);

function canonical(body: unknown, shape: ReturnType<typeof shapeOf>) {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw DomainError.validation([{ field: 'body', message: 'Request body must be a JSON object' }]);
  return canonicalize(body, shape);
}

/** A process-payment body as the core's request; every bad field reported at once, by REST name. */
export function restTerminalAction(body: unknown): TerminalActionRequest {
  const { value, unknown } = canonical(body, ACTION_SHAPE);
  return withRefusals(unknown, () => parseTerminalActionRequest(value));
}

export function restPairing(body: unknown) {
  const { value: b, unknown } = canonical(body, PAIRING_SHAPE);
  if (unknown.length) throw DomainError.validation(unknown);
  return {
    pairingCode: b.PairingCode,
    model: b.Model,
    serialNumber: b.SerialNumber,
    firmware: b.Firmware,
    capabilities: b.Capabilities,
  };
}
