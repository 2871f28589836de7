import { createHash } from 'node:crypto';
import { currentTraceparent } from '@conduit/observability';
import { queryOnPool, type Db } from '../client';

/** Prisma field → column, for the hand-written insert on the payment hot path and bulk reads. */
export const COLUMNS: Record<string, string> = {
  id: 'id',
  organizationId: 'organization_id',
  merchantRef: 'merchant_ref',
  outletRef: 'outlet_ref',
  credentialId: 'credential_id',
  channel: 'channel',
  action: 'action',
  tender: 'tender',
  status: 'status',
  responseCode: 'response_code',
  responseMessage: 'response_message',
  requestCents: 'request_cents',
  amountCents: 'amount_cents',
  refundedCents: 'refunded_cents',
  isPartial: 'is_partial',
  authorizationNumber: 'authorization_number',
  processorReference: 'processor_reference',
  networkEventId: 'network_event_id',
  settlementBatchId: 'settlement_batch_id',
  settledAt: 'settled_at',
  returnReasonCode: 'return_reason_code',
  primaryId: 'primary_id',
  paymentMethodId: 'payment_method_id',
  cardBrand: 'card_brand',
  cardBin: 'card_bin',
  cardLast4: 'card_last4',
  cardExpMonth: 'card_exp_month',
  cardExpYear: 'card_exp_year',
  cardHolderName: 'card_holder_name',
  paymentCardType: 'payment_card_type',
  entryMode: 'entry_mode',
  cardPresentStatus: 'card_present_status',
  emvApplicationLabel: 'emv_application_label',
  emvApplicationId: 'emv_application_id',
  emvTvr: 'emv_tvr',
  emvTsi: 'emv_tsi',
  emvCryptogramType: 'emv_cryptogram_type',
  emvIssuerResponse: 'emv_issuer_response',
  pinVerified: 'pin_verified',
  routingNumber: 'routing_number',
  accountLast4: 'account_last4',
  accountType: 'account_type',
  checkNumber: 'check_number',
  accountHolderName: 'account_holder_name',
  checkPresentStatus: 'check_present_status',
  patientId: 'patient_id',
  patientAccountNumber: 'patient_account_number',
  patientFirstName: 'patient_first_name',
  patientLastName: 'patient_last_name',
  patientBirthDate: 'patient_birth_date',
  additionalInfo: 'additional_info',
  capturedAt: 'captured_at',
  externalId: 'external_id',
  paymentPlanRef: 'payment_plan_ref',
  installmentSequence: 'installment_sequence',
  installmentCount: 'installment_count',
  paymentPlanType: 'payment_plan_type',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};
const CASTS: Record<string, string> = {
  id: '::uuid',
  organizationId: '::uuid',
  merchantRef: '::uuid',
  outletRef: '::uuid',
  credentialId: '::uuid',
  primaryId: '::uuid',
  paymentMethodId: '::uuid',
  paymentPlanRef: '::uuid',
  installmentSequence: '::int',
  installmentCount: '::int',
  requestCents: '::bigint',
  amountCents: '::bigint',
  refundedCents: '::bigint',
  cardExpMonth: '::smallint',
  cardExpYear: '::smallint',
  additionalInfo: '::text[]',
  capturedAt: '::timestamptz',
  settledAt: '::timestamptz',
  createdAt: '::timestamptz',
  updatedAt: '::timestamptz',
};

function pgTextArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function param(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return pgTextArray(value.map(String));
  if (value instanceof Date) return value.toISOString();
  return value;
}

export interface OutboxEventInput {
  id: string;
  eventType: string;
  payload: object;
}

interface InsertStatement {
  /** pg prepares a named statement once per connection and reuses its plan after that. */
  name: string;
  text: string;
  keys: string[];
}

/** One statement per set of present fields; a process sees a few dozen shapes at most. */
const statements = new Map<string, InsertStatement>();

function statementFor(keys: string[]): InsertStatement {
  const shape = keys.join(',');
  const cached = statements.get(shape);
  if (cached) return cached;
  for (const k of keys) if (!COLUMNS[k]) throw new Error(`unknown transaction field ${k}`);
  const n = keys.length;
  const text =
    `WITH t AS (INSERT INTO transactions (${keys.map((k) => `"${COLUMNS[k]}"`).join(', ')}) ` +
    `VALUES (${keys.map((k, i) => `$${i + 1}${CASTS[k] ?? ''}`).join(', ')}) RETURNING id, organization_id, merchant_ref) ` +
    `INSERT INTO outbox_events (id, organization_id, merchant_ref, transaction_id, event_type, payload, trace_context) ` +
    `SELECT $${n + 1}::uuid, t.organization_id, t.merchant_ref, t.id, $${n + 2}, $${n + 3}::jsonb, $${n + 4}::text FROM t`;
  // The name is the text's digest: two processes (or a changed column list) never disagree on
  // what a name means on a connection.
  const name = `conduit_tx_insert_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  const statement = { name, text, keys };
  statements.set(shape, statement);
  return statement;
}

/**
 * A transaction row and its outbox event in ONE statement (a data-modifying CTE): atomic on its
 * own, so a sale needs no BEGIN/COMMIT round trips; inside a unit of work it joins that
 * transaction like any other statement.
 *
 * Outside a unit of work it goes straight to the client's pg pool as a named prepared statement
 * (decision 0041): the sale path's profile showed Prisma's raw-query path (parse, plan, and its
 * query engine's parameter handling) as the largest single cost per sale, about a third of
 * PostgreSQL's CPU and a quarter of the api's. Inside `$transaction` it must use that
 * transaction's connection, which only Prisma holds, so it stays a raw query there.
 */
export async function insertTransactionWithEvent(
  db: Db,
  row: Record<string, unknown>,
  event: OutboxEventInput,
): Promise<void> {
  const { name, text, keys } = statementFor(Object.keys(row).filter((k) => row[k] !== undefined));
  const values = [
    ...keys.map((k) => param(row[k])),
    event.id,
    event.eventType,
    JSON.stringify(event.payload),
    currentTraceparent(),
  ];
  await queryOnPool(db, { name, text, values });
}

/**
 * The select list of a whole transaction row under its Prisma field names (`t` is the
 * transactions alias, `m` merchants, `o` outlets), for the few raw reads that must lock and read
 * in one statement: the row comes back shaped like `TransactionRow`.
 */
export const TRANSACTION_ROW_SELECT = [
  ...Object.entries(COLUMNS).map(([field, column]) => `t."${column}" AS "${field}"`),
  `json_build_object('merchantId', m.merchant_id) AS merchant`,
  `json_build_object('storeId', o.store_id, 'terminalId', o.terminal_id) AS outlet`,
].join(', ');
