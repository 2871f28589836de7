import simpleRestProvider from 'ra-data-simple-rest';
import {
  type DataProvider,
  type DeleteParams,
  type DeleteResult,
  type GetManyReferenceParams,
  type GetManyReferenceResult,
  type RaRecord,
  type SortPayload,
} from 'react-admin';
import { API_URL, apiRequest, fetchFile, httpClient } from './httpClient';
import type {
  Dispute,
  EvidenceSubmission,
  FinanceDashboard,
  Reconciliation,
  ReconciliationFilter,
  SettleNowResult,
} from './settlementTypes';
import type { TerminalWithPairingCode } from './terminalTypes';
import type { CredentialWithSecret, DashboardSummary, PlatformInfo } from './types';
import type {
  EndpointHealth,
  SampleResult,
  WebhookDeliveryRecord,
  WebhookEndpointWithSecret,
} from './webhookTypes';

export interface ConduitDataProvider extends DataProvider {
  rotateCredential: (id: string, gracePeriodSeconds: number) => Promise<CredentialWithSecret>;
  getPlatformInfo: () => Promise<PlatformInfo>;
  /** Today's summary, "today" being the calendar day in `timeZone` (an IANA name). */
  getDashboardSummary: (timeZone: string) => Promise<DashboardSummary>;
  /** Server-side CSV of every transaction matching the list's filter, in the list's order. */
  exportTransactions: (params: { filter: Record<string, unknown>; sort: SortPayload }) => Promise<Blob>;
  rotateWebhookSecret: (id: string) => Promise<WebhookEndpointWithSecret>;
  testWebhookEndpoint: (id: string, body: { eventType: string; format?: string }) => Promise<SampleResult>;
  getWebhookEndpointHealth: (id: string) => Promise<EndpointHealth>;
  resendWebhookDelivery: (id: string) => Promise<WebhookDeliveryRecord>;
  resendWebhookDeliveries: (filter: Record<string, unknown>) => Promise<{ resent: number }>;
  getFinanceDashboard: () => Promise<FinanceDashboard>;
  /** Server-side CSV of every settlement batch matching the list's filter. */
  exportSettlements: (params: { filter: Record<string, unknown>; sort: SortPayload }) => Promise<Blob>;
  exportSettlementItems: (id: string) => Promise<Blob>;
  getReconciliation: (filter: ReconciliationFilter) => Promise<Reconciliation>;
  exportReconciliation: (filter: ReconciliationFilter) => Promise<Blob>;
  /** Closes a sandbox merchant's open batch now, as its cut-off would. */
  settleNow: (merchantId: string) => Promise<SettleNowResult>;
  submitDisputeEvidence: (id: string, body: EvidenceSubmission) => Promise<Dispute>;
  downloadDisputeEvidence: (id: string, evidenceId: string) => Promise<Blob>;
  downloadBatchFile: (id: string) => Promise<Blob>;
  /** A new one-time pairing code for a terminal; the device's current secret stops working. */
  issueTerminalPairingCode: (id: string) => Promise<TerminalWithPairingCode>;
  /** A check image by the `url` the transaction record lists (an admin API path; audited). */
  fetchCheckImage: (url: string) => Promise<Blob>;
}

const post = <T>(path: string, body: unknown = {}) =>
  apiRequest<T>(path, { method: 'POST', body: JSON.stringify(body) });

const base = simpleRestProvider(API_URL, httpClient);

const path = (...segments: string[]) => segments.map(encodeURIComponent).join('/');

const csv = (resourcePath: string, query?: Record<string, unknown>) => {
  const search = query
    ? `?${new URLSearchParams(
        Object.entries(query).map(([key, value]): [string, string] => [key, JSON.stringify(value)]),
      ).toString()}`
    : '';
  return fetchFile(`${API_URL}/${resourcePath}${search}`, 'text/csv');
};

/**
 * A batch's items live under it (`/settlements/:id/items`), not at a resource root, so
 * `<ReferenceManyField reference="settlement-items" target="settlementId">` is routed here;
 * likewise an inbound file's per-record results (`/batch-files/:id/records`).
 * No sort is sent: the API keeps its own order for items.
 */
const NESTED: Record<string, [string, string]> = {
  'settlement-items': ['settlements', 'items'],
  'batch-file-records': ['batch-files', 'records'],
};

const nestedList = async <RecordType extends RaRecord = RaRecord>(
  [parent, child]: [string, string],
  params: GetManyReferenceParams,
): Promise<GetManyReferenceResult<RecordType>> => {
  const { page, perPage } = params.pagination;
  const range = [(page - 1) * perPage, page * perPage - 1];
  const query = new URLSearchParams({ range: JSON.stringify(range), filter: JSON.stringify(params.filter) });
  const { headers, json } = await httpClient(
    `${API_URL}/${path(parent, String(params.id), child)}?${query.toString()}`,
    { signal: params.signal },
  );
  const total = Number.parseInt(headers.get('content-range')?.split('/').pop() ?? '', 10);
  const data = Array.isArray(json) ? (json as RecordType[]) : [];
  return { data, total: Number.isFinite(total) ? total : data.length };
};

export const dataProvider: ConduitDataProvider = {
  ...base,
  // DELETE may answer 204 or a body without the record: fall back to the record we had.
  delete: async <RecordType extends RaRecord = RaRecord>(
    resource: string,
    params: DeleteParams<RecordType>,
  ): Promise<DeleteResult<RecordType>> => {
    const { json } = await httpClient(`${API_URL}/${resource}/${encodeURIComponent(String(params.id))}`, {
      method: 'DELETE',
    });
    const fromServer = json as RecordType | undefined;
    const data =
      fromServer && typeof fromServer === 'object' && 'id' in fromServer ? fromServer : params.previousData;
    return { data: data ?? ({ id: params.id } as RecordType) };
  },
  getManyReference: <RecordType extends RaRecord = RaRecord>(
    resource: string,
    params: GetManyReferenceParams,
  ): Promise<GetManyReferenceResult<RecordType>> =>
    NESTED[resource]
      ? nestedList<RecordType>(NESTED[resource], params)
      : base.getManyReference<RecordType>(resource, params),
  rotateCredential: (id, gracePeriodSeconds) =>
    apiRequest<CredentialWithSecret>(`/credentials/${encodeURIComponent(id)}/rotate`, {
      method: 'POST',
      body: JSON.stringify({ gracePeriodSeconds }),
    }),
  getPlatformInfo: () => apiRequest<PlatformInfo>('/platform-info'),
  getDashboardSummary: (timeZone) =>
    apiRequest<DashboardSummary>(`/dashboard/summary?${new URLSearchParams({ timeZone }).toString()}`),
  exportTransactions: ({ filter, sort }) => {
    const query = new URLSearchParams({
      filter: JSON.stringify(filter),
      sort: JSON.stringify([sort.field, sort.order]),
    });
    return fetchFile(`${API_URL}/transactions/export?${query.toString()}`, 'text/csv');
  },
  rotateWebhookSecret: (id) => post(`/webhook-endpoints/${encodeURIComponent(id)}/rotate-secret`),
  testWebhookEndpoint: (id, body) => post(`/webhook-endpoints/${encodeURIComponent(id)}/test`, body),
  getWebhookEndpointHealth: (id) => apiRequest(`/webhook-endpoints/${encodeURIComponent(id)}/health`),
  resendWebhookDelivery: (id) => post(`/webhook-deliveries/${encodeURIComponent(id)}/resend`),
  resendWebhookDeliveries: (filter) => post('/webhook-deliveries/resend', { filter }),
  getFinanceDashboard: () => apiRequest<FinanceDashboard>('/dashboard/finance'),
  exportSettlements: ({ filter, sort }) =>
    csv('settlements/export', { filter, sort: [sort.field, sort.order] }),
  exportSettlementItems: (id) => csv(path('settlements', id, 'items', 'export')),
  getReconciliation: (filter) =>
    apiRequest<Reconciliation>(`/reconciliation?${new URLSearchParams({ filter: JSON.stringify(filter) })}`),
  exportReconciliation: (filter) => csv('reconciliation/export', { filter }),
  settleNow: (merchantId) => post(`/${path('merchants', merchantId, 'settle-now')}`),
  submitDisputeEvidence: (id, body) => post(`/${path('disputes', id, 'evidence')}`, body),
  downloadDisputeEvidence: (id, evidenceId) =>
    fetchFile(`${API_URL}/${path('disputes', id, 'evidence', evidenceId)}`, '*/*'),
  downloadBatchFile: (id) => fetchFile(`${API_URL}/${path('batch-files', id, 'download')}`, '*/*'),
  issueTerminalPairingCode: (id) => post(`/${path('terminals', id, 'pairing-code')}`),
  // Only same-origin admin API paths: the bearer token must never be sent anywhere else.
  fetchCheckImage: (url) => {
    if (!url.startsWith(`${API_URL}/`)) return Promise.reject(new Error(`Not an admin API path: ${url}`));
    return fetchFile(url, 'image/png, image/jpeg');
  },
};
