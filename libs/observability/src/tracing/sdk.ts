import FastifyOtelInstrumentation from '@fastify/otel';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { BullMQOtel } from 'bullmq-otel';
import { ScrubbingSpanExporter } from './span-scrubbing';

/** Requests not worth a trace: probes and scrapes, many a minute, nothing to follow. */
const UNTRACED = /^\/(health|metrics)(\/|\?|$)/;

function exporter(): SpanExporter {
  // OTLP/HTTP. The exporters read OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT and _HEADERS themselves.
  const protocol =
    process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ??
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL ??
    'http/protobuf';
  if (protocol === 'http/json') return new OTLPTraceExporter();
  if (protocol === 'http/protobuf') {
    // Installed with @opentelemetry/sdk-node; loaded only when asked for.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OTLPTraceExporter: Proto } = require('@opentelemetry/exporter-trace-otlp-proto');
    return new Proto() as SpanExporter;
  }
  throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json, got "${protocol}"`);
}

/**
 * The OpenTelemetry SDK with the instrumentations Conduit uses, every span scrubbed before
 * export. Loaded only by startTracing, before the instrumented modules are.
 */
export function startSdk(service: string, version: string) {
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: process.env.OTEL_SERVICE_NAME || `conduit-${service}`,
      [ATTR_SERVICE_VERSION]: version,
    }),
    spanProcessors: [new BatchSpanProcessor(new ScrubbingSpanExporter(exporter()))],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED.test(req.url ?? ''),
        // Exporting to the collector must not trace itself.
        ignoreOutgoingRequestHook: (req) => typeof req.path === 'string' && req.path.startsWith('/v1/traces'),
      }),
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        ignorePaths: (o) => UNTRACED.test(o.url),
      }),
      // SQL text is parameterised; values are never recorded (enhancedDatabaseReporting off).
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
      // The command name only: BullMQ's arguments are job payloads and Redis keys.
      new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
    ],
  });
  sdk.start();
  return { sdk, bullmq: new BullMQOtel({ tracerName: 'conduit-bullmq', version }) };
}
