import type { RaRecord } from 'react-admin';
import { API_URL, apiRequest, fetchFile } from '../api/httpClient';
import type { PaymentPlan } from './types';

const post = <T>(path: string) => apiRequest<T>(path, { method: 'POST', body: '{}' });
const planPath = (id: string, action: string) => `/payment-plans/${encodeURIComponent(id)}/${action}`;

export type PlanAction = 'pause' | 'resume' | 'cancel' | 'charge-now' | 'run-next';

/** The charge actions also answer the transaction they made. */
export type PlanActionResult = PaymentPlan & {
  transaction?: RaRecord & {
    transactionId: string;
    status: string;
    responseCode: string;
    responseMessage: string;
  };
};

/** The plan endpoints beyond react-admin's CRUD (admin API `payment-plans`). */
export const planActions = {
  run: (id: string, action: PlanAction) => post<PlanActionResult>(planPath(id, action)),
  /** A hosted page where the patient enters a new card. */
  replaceCard: (id: string) => post<{ pageUrl: string; token: string }>(planPath(id, 'replace-card')),
  /** Every plan matching the list's filters, as CSV (the server streams it). */
  exportCsv: (filter: Record<string, unknown>) =>
    fetchFile(
      `${API_URL}/payment-plans/export.csv?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`,
      'text/csv',
    ),
};
