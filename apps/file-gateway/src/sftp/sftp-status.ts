import { GatewayError } from '../gateway/account-session';

/** SFTP v3 status codes (draft-ietf-secsh-filexfer-02 §7). */
export const STATUS = {
  OK: 0,
  EOF: 1,
  NO_SUCH_FILE: 2,
  PERMISSION_DENIED: 3,
  FAILURE: 4,
  BAD_MESSAGE: 5,
  OP_UNSUPPORTED: 8,
} as const;

export type SftpStatusCode = (typeof STATUS)[keyof typeof STATUS];

export interface SftpStatus {
  code: SftpStatusCode;
  /** What OpenSSH prints after the path ("remote open(...): <message>"): no secrets, no internals. */
  message: string;
}

/**
 * A GatewayError as an SFTP status. v3 has no quota or "file too large" code, so those are
 * FAILURE with a message the user can act on. Anything that is not a GatewayError is a bug or an
 * outage: the client sees a bare "Failure", the details go to the log only.
 */
export function statusFor(err: unknown): SftpStatus {
  if (!(err instanceof GatewayError)) return { code: STATUS.FAILURE, message: 'Failure' };
  switch (err.code) {
    case 'NOT_FOUND':
      return { code: STATUS.NO_SUCH_FILE, message: 'No such file' };
    case 'PERMISSION_DENIED':
      return { code: STATUS.PERMISSION_DENIED, message: err.message || 'Permission denied' };
    case 'QUOTA_EXCEEDED':
      return { code: STATUS.FAILURE, message: prefixed('Quota exceeded', err.message) };
    case 'TOO_LARGE':
      return { code: STATUS.FAILURE, message: prefixed('File too large', err.message) };
    case 'EXISTS':
      return { code: STATUS.FAILURE, message: 'File exists' };
    case 'UNSUPPORTED':
      return { code: STATUS.OP_UNSUPPORTED, message: err.message || 'Operation unsupported' };
    case 'FAILURE':
    default:
      return { code: STATUS.FAILURE, message: 'Failure' };
  }
}

/** "Quota exceeded: 1 GiB per account" — the core's detail, but always with the plain words first. */
function prefixed(prefix: string, detail: string): string {
  if (!detail) return prefix;
  return detail.toLowerCase().startsWith(prefix.toLowerCase()) ? detail : `${prefix}: ${detail}`;
}
