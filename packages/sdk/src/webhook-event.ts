import type { components } from './generated/rest-api.js';

/** Webhook triggers (webhooks.md "Triggers"). */
export type WebhookEventType =
  | 'Approved'
  | 'Declined'
  | 'Voided'
  | 'Refunded'
  | 'Returned'
  | 'Chargeback'
  | 'Settlement'
  | 'Error'
  | 'PaymentPlanCreated'
  | 'PaymentPlanUpdated';

/**
 * One notification, the same fields in every format (JSON, XML, NVP), as webhooks.md lists them;
 * used while the OpenAPI document describes no webhook payloads. Absent values are omitted;
 * never a full card or account number. Values are strings except IsPartiallyApproved.
 */
export interface WebhookEventShape {
  EventID: string;
  EventType: WebhookEventType;
  ResponseDateTime?: string;
  PaymentTransactionID?: string;
  OriginalTransactionID?: string;
  TransactionAction?: string;
  TransactionType?: string;
  RequestAmount?: string;
  Amount?: string;
  IsPartiallyApproved?: boolean;
  PartialApprovalAmount?: string;
  CurrentTransactionStatusCode?: string;
  CurrentTransactionStatusDescription?: string;
  OriginalTransactionStatusCode?: string;
  OriginalTransactionStatusDescription?: string;
  ResponseCode?: string;
  ResponseMessage?: string;
  AuthorizationCode?: string;
  CardType?: string;
  /** `************1111` */
  CardLastFourDigits?: string;
  /** `MM/YY` */
  ExpDate?: string;
  CardHolderName?: string;
  CardPresentStatus?: string;
  RoutingNumber?: string;
  AccountNumberLastFourDigits?: string;
  CheckNumber?: string;
  ReturnReasonCode?: string;
  /** `MerchantID-StoreID-TerminalID` */
  Outlet?: string;
  MerchantID?: string;
  StoreID?: string;
  TerminalID?: string;
  PatientID?: string;
  PatientFirstName?: string;
  PatientLastName?: string;
  AdditionalInfo1?: string;
  AdditionalInfo2?: string;
  AdditionalInfo3?: string;
  AdditionalInfo4?: string;
  AdditionalInfo5?: string;
  AdditionalInfo6?: string;
  SaveOnFileTransactionID?: string;
  PaymentPlanID?: string;
  PaymentPlanTransactionType?: string;
  InstallmentSequenceNumber?: string;
  InstallmentCount?: string;
  SingleSignOnToken?: string;
  SettlementBatchID?: string;
  WorkflowStatus?: string;
  /** Fields a newer platform adds arrive too. */
  [field: string]: string | boolean | undefined;
}

export type WebhookFormat = 'JSON' | 'XML' | 'NVP';

type Schemas = components['schemas'];
type SchemaOr<K extends string, Fallback> = K extends keyof Schemas ? Schemas[K] : Fallback;

/**
 * A verified event: the document's `TransactionEvent` or `PaymentPlanEvent` (its `webhooks`
 * section) once it describes them, else the shape above. Narrow it by `EventType`.
 */
export type WebhookEvent = [SchemaOr<'TransactionEvent', never>] extends [never]
  ? WebhookEventShape
  : SchemaOr<'TransactionEvent', never> | SchemaOr<'PaymentPlanEvent', never>;
