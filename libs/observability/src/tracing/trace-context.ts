import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  trace,
  TraceFlags,
} from '@opentelemetry/api';

/**
 * Set by startTracing. While false every helper here returns at once: with OTEL_TRACES_ENABLED
 * off the hot path pays one boolean test.
 */
let tracing = false;

export function markTracingStarted() {
  tracing = true;
}

export function tracingStarted(): boolean {
  return tracing;
}

/**
 * The W3C `traceparent` of the active span, for a row that outlives the request (the outbox
 * event): its webhook posts continue this trace. Null when tracing is off or nothing is sampled.
 */
export function currentTraceparent(): string | null {
  if (!tracing) return null;
  const ctx = trace.getActiveSpan()?.spanContext();
  if (!ctx || !trace.isSpanContextValid(ctx) || !(ctx.traceFlags & TraceFlags.SAMPLED)) return null;
  return `00-${ctx.traceId}-${ctx.spanId}-0${ctx.traceFlags.toString(16)}`;
}

/**
 * Runs `fn` in a span that continues the trace of a stored `traceparent` (its parent), linked to
 * the span that is active now if there is one (a queue job's), so both stories are followed. Without tracing,
 * or without a stored context, `fn` just runs.
 */
export async function inStoredTrace<T>(
  traceparent: string | null | undefined,
  name: string,
  fn: (span: Span | null) => Promise<T>,
): Promise<T> {
  if (!tracing) return fn(null);
  const current = trace.getActiveSpan()?.spanContext();
  const parent = traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : context.active();
  const tracer = trace.getTracer('conduit');
  return tracer.startActiveSpan(
    name,
    { kind: SpanKind.INTERNAL, links: current && traceparent ? [{ context: current }] : [] },
    parent,
    async (span) => {
      try {
        return await fn(span);
      } finally {
        span.end();
      }
    },
  );
}
