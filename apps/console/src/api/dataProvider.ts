import simpleRestProvider from 'ra-data-simple-rest';
import {
  type DataProvider,
  type DeleteParams,
  type DeleteResult,
  type RaRecord,
  type SortPayload,
} from 'react-admin';
import { API_URL, apiRequest, fetchFile, httpClient } from './httpClient';
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
  getDashboardSummary: () => Promise<DashboardSummary>;
  /** Server-side CSV of every transaction matching the list's filter, in the list's order. */
  exportTransactions: (params: { filter: Record<string, unknown>; sort: SortPayload }) => Promise<Blob>;
  rotateWebhookSecret: (id: string) => Promise<WebhookEndpointWithSecret>;
  testWebhookEndpoint: (id: string, body: { eventType: string; format?: string }) => Promise<SampleResult>;
  getWebhookEndpointHealth: (id: string) => Promise<EndpointHealth>;
  resendWebhookDelivery: (id: string) => Promise<WebhookDeliveryRecord>;
  resendWebhookDeliveries: (filter: Record<string, unknown>) => Promise<{ resent: number }>;
}

const post = <T>(path: string, body: unknown = {}) =>
  apiRequest<T>(path, { method: 'POST', body: JSON.stringify(body) });

const base = simpleRestProvider(API_URL, httpClient);

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
  rotateCredential: (id, gracePeriodSeconds) =>
    apiRequest<CredentialWithSecret>(`/credentials/${encodeURIComponent(id)}/rotate`, {
      method: 'POST',
      body: JSON.stringify({ gracePeriodSeconds }),
    }),
  getPlatformInfo: () => apiRequest<PlatformInfo>('/platform-info'),
  getDashboardSummary: () => apiRequest<DashboardSummary>('/dashboard/summary'),
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
};
