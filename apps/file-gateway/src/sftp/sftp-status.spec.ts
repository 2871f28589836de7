import { describe, expect, it } from 'vitest';
import { GatewayError } from '../gateway/account-session';
import { STATUS, statusFor } from './sftp-status';

describe('statusFor', () => {
  it('maps each GatewayError code to its SFTP v3 status', () => {
    expect(statusFor(new GatewayError('NOT_FOUND', 'No such file'))).toEqual({
      code: STATUS.NO_SUCH_FILE,
      message: 'No such file',
    });
    expect(statusFor(new GatewayError('PERMISSION_DENIED', 'Upload to /inbound only')).code).toBe(
      STATUS.PERMISSION_DENIED,
    );
    expect(statusFor(new GatewayError('UNSUPPORTED', 'Bad file name')).code).toBe(STATUS.OP_UNSUPPORTED);
    expect(statusFor(new GatewayError('EXISTS', 'Target exists'))).toEqual({
      code: STATUS.FAILURE,
      message: 'File exists',
    });
  });

  it('says quota and size in words, since v3 has no code for them', () => {
    expect(statusFor(new GatewayError('QUOTA_EXCEEDED', 'the account may keep 1 GiB'))).toEqual({
      code: STATUS.FAILURE,
      message: 'Quota exceeded: the account may keep 1 GiB',
    });
    expect(statusFor(new GatewayError('TOO_LARGE', 'File too large (limit 100 MiB)'))).toEqual({
      code: STATUS.FAILURE,
      message: 'File too large (limit 100 MiB)',
    });
  });

  it('never passes on the text of storage failures or unexpected errors', () => {
    expect(statusFor(new GatewayError('FAILURE', 'EACCES /var/lib/conduit/files/ab/cd'))).toEqual({
      code: STATUS.FAILURE,
      message: 'Failure',
    });
    expect(statusFor(new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2'))).toEqual({
      code: STATUS.FAILURE,
      message: 'Failure',
    });
  });
});
