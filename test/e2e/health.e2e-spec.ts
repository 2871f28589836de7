import { describe, expect, inject, it } from 'vitest';
import { call } from './client';

describe('health', () => {
  it('answers live and ready with the database and Redis checked', async () => {
    const live = await call<{ status: string }>('GET', '/health/live');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
    const ready = await call<{ status: string; checks: Record<string, { ok: boolean }> }>(
      'GET',
      '/health/ready',
    );
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database.ok).toBe(true);
    expect(ready.body.checks.redis.ok).toBe(true);
  });

  it('counts the running worker, which reports its own health and queues', async () => {
    let workers = 0;
    for (let i = 0; i < 50 && workers < 1; i++) {
      workers = ((await call<{ workers: number }>('GET', '/health/ready')).body.workers ?? 0) as number;
      if (workers < 1) await new Promise((r) => setTimeout(r, 200));
    }
    expect(workers).toBeGreaterThanOrEqual(1);
    const res = await fetch(inject('workerHealthUrl'));
    const body = (await res.json()) as { status: string; queues: string[]; redis: boolean };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', redis: true });
    expect(body.queues).toContain('maintenance');
  });

  it('sends a correlation ID on every answer, echoing a valid one', async () => {
    const res = await call('GET', '/health/live', { headers: { 'x-correlation-id': 'vendor-req-42' } });
    expect(res.headers.get('x-correlation-id')).toBe('vendor-req-42');
    const generated = await call('GET', '/health/live', {
      headers: { 'x-correlation-id': 'bad value with spaces' },
    });
    expect(generated.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
