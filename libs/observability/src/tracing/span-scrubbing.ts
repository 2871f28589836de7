import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace-base';
import { redactSensitive } from '../logger';
import { scrubText } from '../scrub';

/** Attributes never exported: a query string or a request body can carry a card or a token. */
const DROPPED = new Set(['url.query', 'http.request.body', 'http.response.body', 'db.query.parameter']);

/** Header-valued attributes (`http.request.header.authorization`) hold credentials. */
const HEADER = /^http\.(request|response)\.header\./;

function scrubValue(value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? scrubText(v) : v)) as AttributeValue;
  return value;
}

/**
 * Attributes as a span may export them: no query strings, single sign-on tokens, secrets or
 * Luhn-valid digit runs in any string (the same scrubbing as the logs), no headers, and no key
 * the log redaction would hide (`cardNumber`, `cvn`, `password`…).
 */
export function scrubAttributes(attributes: Attributes): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (DROPPED.has(key) || HEADER.test(key)) continue;
    out[key] = scrubValue(value);
  }
  return redactSensitive(out);
}

function scrubEvent(event: TimedEvent): TimedEvent {
  return {
    ...event,
    name: scrubText(event.name),
    attributes: event.attributes && scrubAttributes(event.attributes),
  };
}

/** The span with its name, status message, attributes and events scrubbed. */
export function scrubSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: scrubText(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status.message ? { ...span.status, message: scrubText(span.status.message) } : span.status,
    attributes: scrubAttributes(span.attributes),
    links: span.links.map((l) => ({ ...l, attributes: l.attributes && scrubAttributes(l.attributes) })),
    events: span.events.map(scrubEvent),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/**
 * Every exported span goes through scrubSpan first. The instrumentations are configured to
 * record little (no SQL values, Redis command names only); this is the net under them, the same
 * one the logs have (decision 0015).
 */
export class ScrubbingSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: Parameters<SpanExporter['export']>[1]): void {
    this.inner.export(spans.map(scrubSpan), done);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
