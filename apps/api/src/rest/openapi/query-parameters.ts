import type { SchemaObject } from './field-table';

/** The list endpoints' query parameters (case-insensitive names), typed for the document, in their order. */
export const QUERY_PARAMETERS: Record<string, { schema: SchemaObject; description: string }> = {
  MerchantID: { schema: { type: 'string', pattern: '^\\d{13}$' }, description: 'Only this merchant' },
  StoreID: {
    schema: { type: 'string', pattern: '^\\d{3}$' },
    description: 'Only this store (with MerchantID)',
  },
  TerminalID: {
    schema: { type: 'string', pattern: '^\\d{3}$' },
    description: 'Only this terminal (with StoreID)',
  },
  PatientID: { schema: { type: 'string' }, description: 'Only this patient' },
  From: {
    schema: { type: 'string', format: 'date-time' },
    description: 'Transactions at or after this time',
  },
  To: { schema: { type: 'string', format: 'date-time' }, description: 'Transactions at or before this time' },
  Limit: {
    schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    description: 'Page size, 1–200',
  },
  Cursor: { schema: { type: 'string' }, description: 'NextCursor of the previous page' },
  Status: { schema: { type: 'string' }, description: 'Only transactions with this status letter' },
};
