import { describe, expect, it } from 'vitest';
import { scrubJson } from './bull-board';

describe('scrubJson (the queue view’s answers)', () => {
  it('scrubs card numbers and tokens inside strings and keeps numbers and the JSON intact', () => {
    // A millisecond timestamp that passes the Luhn check, as BullMQ's processedOn can.
    const processedOn = 1764770000008;
    const payload = JSON.stringify({
      jobs: [
        {
          processedOn,
          failedReason: 'processor refused 4111111111111111',
          stacktrace: ['at /sso/token/abc123'],
          data: { merchantRef: 'm1', attempts: 2, pan: 4111111111111111 },
        },
      ],
    });
    const out = JSON.parse(scrubJson(payload)) as {
      jobs: { processedOn: number; failedReason: string; stacktrace: string[]; data: unknown }[];
    };
    expect(out.jobs[0].processedOn).toBe(processedOn);
    expect(out.jobs[0].failedReason).toBe('processor refused [REDACTED]');
    expect(out.jobs[0].stacktrace[0]).not.toContain('abc123');
    expect(out.jobs[0].data).toEqual({ merchantRef: 'm1', attempts: 2, pan: '[REDACTED]' });
  });

  it('scrubs text that is not JSON as text', () => {
    expect(scrubJson('oops 4111111111111111')).toBe('oops [REDACTED]');
  });
});
