import { describe, expect, it } from 'vitest';
import { ConduitMetrics, scrapeAllowed } from './conduit-metrics';

describe('ConduitMetrics', () => {
  it('renders every Conduit series, with sources read at scrape time', async () => {
    const m = new ConduitMetrics('test');
    m.httpDuration.observe({ method: 'POST', route: '/rest/payment/sale', status_code: '200' }, 0.02);
    m.addSource(() => m.outboxLag.set(1.5));
    m.addSource(() => Promise.reject(new Error('Redis down')));
    const text = await m.render();
    expect(text).toContain(
      'conduit_http_request_duration_seconds_count{service="test",method="POST",route="/rest/payment/sale",status_code="200"} 1',
    );
    expect(text).toContain('conduit_outbox_lag_seconds{service="test"} 1.5');
    expect(text).toMatch(/conduit_nodejs_eventloop_lag_p99_seconds\{service="test"\}/);
    for (const name of ['conduit_db_pool_total', 'conduit_db_pool_idle', 'conduit_db_pool_waiting'])
      expect(text).toContain(`# TYPE ${name} gauge`);
  });
});

describe('scrapeAllowed', () => {
  it('asks for the bearer token when one is set', () => {
    expect(scrapeAllowed(undefined, null)).toBe(true);
    expect(scrapeAllowed('Bearer s3cret', 's3cret')).toBe(true);
    expect(scrapeAllowed('bearer  s3cret', 's3cret')).toBe(true);
    expect(scrapeAllowed('Bearer s3cre', 's3cret')).toBe(false);
    expect(scrapeAllowed(undefined, 's3cret')).toBe(false);
    expect(scrapeAllowed('Basic s3cret', 's3cret')).toBe(false);
  });
});
