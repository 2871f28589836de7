import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { scrubAttributes, scrubSpan } from './span-scrubbing';

describe('scrubAttributes', () => {
  it('drops queries, bodies and headers, and scrubs card numbers and tokens from strings', () => {
    const out = scrubAttributes({
      'http.route': '/payment/NVP.aspx',
      'url.full': 'http://localhost/payment/NVP.aspx?cardNumber=4111111111111111&cvv=123',
      'url.query': 'cardNumber=4111111111111111',
      'url.path': '/rest/sso/token/abcDEF_123-xyz/status',
      'http.request.header.authorization': 'Basic abc',
      'db.query.text': 'SELECT $1::text',
      'exception.message': 'bad card 5555555555554444',
      cardNumber: '4111111111111111',
      'http.response.status_code': 200,
      list: ['4111111111111111', 'ok'],
    });
    expect(out).toEqual({
      'http.route': '/payment/NVP.aspx',
      'url.full': 'http://localhost/payment/NVP.aspx',
      'url.path': '/rest/sso/token/[REDACTED]/status',
      'db.query.text': 'SELECT $1::text',
      'exception.message': 'bad card [REDACTED]',
      cardNumber: '[REDACTED]',
      'http.response.status_code': 200,
      list: ['[REDACTED]', 'ok'],
    });
  });
});

describe('scrubSpan', () => {
  it('keeps the span identity and scrubs name, status and events', () => {
    const context = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 };
    const span = {
      name: 'POST /x?pan=4111111111111111',
      kind: SpanKind.SERVER,
      spanContext: () => context,
      startTime: [1, 0],
      endTime: [2, 0],
      status: { code: SpanStatusCode.ERROR, message: 'card 4111111111111111 refused' },
      attributes: {},
      links: [],
      events: [
        { name: 'exception', time: [1, 5], attributes: { 'exception.message': 'cvn for 4111111111111111' } },
      ],
      duration: [1, 0],
      ended: true,
      resource: {},
      instrumentationScope: { name: 't' },
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    } as unknown as ReadableSpan;
    const out = scrubSpan(span);
    expect(out.spanContext()).toBe(context);
    expect(out.name).toBe('POST /x');
    expect(out.status.message).toBe('card [REDACTED] refused');
    expect(out.events[0].attributes).toEqual({ 'exception.message': 'cvn for [REDACTED]' });
    expect(JSON.stringify({ ...out, spanContext: undefined })).not.toContain('4111111111111111');
  });
});
