// The SDK's public types, all taken from the REST OpenAPI document (src/generated/rest-api.ts,
// generated at build time), by path and method rather than by schema name: what a call sends
// and receives is exactly what the document says that operation takes and answers.
import type { paths } from './generated/rest-api.js';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Operation<P, M extends string> = P extends keyof paths
  ? M extends keyof paths[P]
    ? NonNullable<paths[P][M]>
    : never
  : never;
type Body<P, M extends string, Fallback> = [Operation<P, M>] extends [never]
  ? Fallback
  : Operation<P, M> extends { requestBody?: infer R }
    ? Json<NonNullable<R>>
    : Fallback;
type Ok<P, M extends string, Fallback> = [Operation<P, M>] extends [never]
  ? Fallback
  : Operation<P, M> extends { responses: { 200: infer R } }
    ? Json<R>
    : Fallback;
type QueryOf<P, Fallback> = [Operation<P, 'get'>] extends [never]
  ? Fallback
  : Operation<P, 'get'> extends { parameters: { query?: infer Q } }
    ? NonNullable<Q>
    : Fallback;

export type PaymentRequest = Body<'/rest/payment/sale', 'post', never>;
export type AuthorizationRequest = Body<'/rest/payment/authorization', 'post', never>;
export type RefundRequest = Body<'/rest/payment/refund', 'post', never>;
export type CaptureRequest = Body<'/rest/payment/capture', 'post', never>;
export type VoidRequest = Body<'/rest/payment/void', 'post', never>;
export type SimpleRefundRequest = Body<'/rest/payment/refund-simple', 'post', never>;
/** A payment's answer, approved or declined (a decline is HTTP 200 with TransactionStatus D). */
export type PaymentResult = Ok<'/rest/payment/sale', 'post', never>;

type PlanCreateBody = Body<'/rest/payment/paymentplan', 'post', never>;
/** SaveOnFile: the card (or bank account) to store, verified with a $0 authorization. */
export type SaveOnFileRequest = Omit<PlanCreateBody, 'PaymentPlanType' | 'Amount'> & {
  PaymentPlanType?: 'SaveOnFile';
};
/** Installment or Recurring plans. */
export type PaymentPlanRequest = PlanCreateBody & { PaymentPlanType: 'Installment' | 'Recurring' };
export type PaymentPlanCreated = Ok<'/rest/payment/paymentplan', 'post', never>;
export type PaymentPlanDetail = Ok<'/rest/payment/paymentplan/{id}', 'get', never>;
export type PaymentPlanUpdateRequest = Body<'/rest/payment/paymentplan/{id}/update', 'post', never>;
export type PaymentPlanPage = Ok<'/rest/payment/paymentplans', 'get', never>;
export type PaymentPlan = PaymentPlanPage extends { PaymentPlans: (infer T)[] } ? T : never;
export type PaymentPlanListQuery = Omit<QueryOf<'/rest/payment/paymentplans', never>, 'Cursor'>;

export type TransactionDetail = Ok<'/rest/payment/transaction/{id}', 'get', never>;
export type TransactionPage = Ok<'/rest/payment/transactions', 'get', never>;
export type Transaction = TransactionPage extends { Transactions: (infer T)[] } ? T : never;
export type TransactionListQuery = Omit<QueryOf<'/rest/payment/transactions', never>, 'Cursor'>;

/** The REST error body: ErrorCode, ErrorMessage, ReferenceNumber and every invalid field. */
export type ErrorResponse = Json<Operation<'/rest/payment/sale', 'post'>['responses'][400]>;

// Single sign-on. Until the document describes these two paths the SDK uses the shapes of
// rest.md and sso-and-polling.md below; once it does, the document's types take over.
interface SsoTokenRequestShape {
  Outlet: { MerchantID: string; StoreID: string; TerminalID: string };
  TransactionAction?: 'Sale' | 'SaveOnFile' | 'PaymentPlan';
  Amount?: string;
  IsReadOnly?: boolean;
  Patient?: { PatientID?: string; FirstName?: string; LastName?: string };
  PreventCheck?: boolean;
  PreventCard?: boolean;
  SuppressReceipt?: boolean;
  LightWeight?: boolean;
  ConfirmURL?: string;
  CancelURL?: string;
  ReturnURL?: string;
  RelayState?: string;
  PaymentPlanType?: 'Installment' | 'Recurring';
  TotalAmount?: string;
  DownPaymentAmount?: string;
  InstallmentAmount?: string;
  InstallmentCount?: number;
  Frequency?: 'Weekly' | 'BiWeekly' | 'Monthly' | 'Quarterly' | 'Annually';
  StartDate?: string;
  DayOfMonth?: number;
  EndDate?: string;
  AdditionalInfo1?: string;
  AdditionalInfo2?: string;
  AdditionalInfo3?: string;
  AdditionalInfo4?: string;
  AdditionalInfo5?: string;
  AdditionalInfo6?: string;
}
interface SsoTokenShape {
  Token: string;
  PageURL: string;
  ExpiresAt: string;
  ResponseCode: string;
  ResponseMessage: string;
}
interface SsoTokenStatusShape {
  Status: 'NEW' | 'COMPLETE' | 'EXPIRED';
  TransactionID: string | null;
  ExpiresAt: string;
}
export type SsoTokenRequest = Body<'/rest/sso/token', 'post', SsoTokenRequestShape>;
export type SsoToken = Ok<'/rest/sso/token', 'post', SsoTokenShape>;
export type SsoTokenStatus = Ok<'/rest/sso/token/{token}/status', 'get', SsoTokenStatusShape>;
