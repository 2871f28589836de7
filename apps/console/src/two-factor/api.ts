import { apiRequest } from '../api/httpClient';
import type { LoginResponse } from '../api/types';

/** What the api answers to start an enrolment (the QR code is rendered server-side). */
export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

export interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

const post = <T>(path: string, body: unknown = {}) =>
  apiRequest<T>(path, { method: 'POST', body: JSON.stringify(body) });

/** Sign-in with a challenge (no session yet): docs/two-factor.md. */
export const challengeApi = {
  enrol: (challenge: string) => post<Enrolment>('/auth/two-factor/enrol', { challenge }),
  confirm: (challenge: string, code: string) =>
    post<LoginResponse & { recoveryCodes: string[] }>('/auth/two-factor/enrol/confirm', { challenge, code }),
};

/** The signed-in user's own settings. */
export const selfApi = {
  status: () => apiRequest<TwoFactorStatus>('/auth/two-factor'),
  start: () => post<Enrolment>('/auth/two-factor/enrolment'),
  confirm: (code: string) =>
    post<{ recoveryCodes: string[] }>('/auth/two-factor/enrolment/confirm', { code }),
  disable: (code: string) => post<{ ok: true }>('/auth/two-factor/disable', { code }),
  renewRecoveryCodes: (code: string) =>
    post<{ recoveryCodes: string[] }>('/auth/two-factor/recovery-codes', { code }),
};
