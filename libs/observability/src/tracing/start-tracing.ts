import type { Telemetry } from 'bullmq';
import { markTracingStarted } from './trace-context';

let telemetry: Telemetry | undefined;
let stop: (() => Promise<void>) | undefined;

/**
 * Starts OpenTelemetry when OTEL_TRACES_ENABLED=true; otherwise loads nothing of it. Call it
 * from the app's first import (apps/∗/src/instrument.ts): the instrumentations patch http, pg and
 * ioredis as they are required, so they must be in place before anything requires those.
 */
export function startTracing(service: string, enabled: boolean, version = '0.1.0'): boolean {
  if (!enabled || telemetry) return Boolean(telemetry);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./sdk') as typeof import('./sdk');
  const started = startSdk(service, version);
  telemetry = started.bullmq as unknown as Telemetry;
  stop = () => started.sdk.shutdown();
  markTracingStarted();
  return true;
}

/** BullMQ's telemetry for queues and workers (trace context in each job), when tracing is on. */
export function queueTelemetry(): Telemetry | undefined {
  return telemetry;
}

/** Flushes the spans still buffered (on shutdown). */
export async function stopTracing(): Promise<void> {
  await stop?.().catch(() => undefined);
}
