import { observabilitySettings } from '@conduit/config';
import { startMetrics, startTracing } from '@conduit/observability';

/**
 * main.ts's first import: tracing must patch http, pg and ioredis before anything requires them,
 * and metrics must exist before the first request or job. Both are off unless switched on
 * (docs/observability.md); off, neither the OpenTelemetry SDK nor an instrumentation is loaded.
 */
const settings = observabilitySettings();
startTracing('api', settings.tracesEnabled, process.env.CONDUIT_VERSION);
if (settings.metricsEnabled) startMetrics('api');
