import './instrument';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JsonNestLogger } from '@conduit/observability';
import { WorkerModule } from './worker.module';
import { workerLogger } from './worker-logger';

// The worker writes only what it can safely write again after a PostgreSQL crash: delivery
// bookkeeping, outbox publication (delivery ids are derived from event and endpoint, so a replay
// makes the same ones) and idempotent maintenance. Commits need not wait for the WAL flush
// (decision 0008); DATABASE_SYNCHRONOUS_COMMIT=true restores it.
process.env.DATABASE_SYNCHRONOUS_COMMIT ??= 'false';

async function bootstrap() {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new JsonNestLogger(workerLogger()),
  });
  // process.exit() after the shutdown hooks rather than re-raising the signal: only then does
  // 'exit' fire, which writes the log lines still batched (batched-destination.ts).
  app.enableShutdownHooks([], { useProcessExit: true });
}

bootstrap().catch((err) => {
  workerLogger().fatal(
    { err: { message: (err as Error).message, stack: (err as Error).stack } },
    'worker failed to start',
  );
  process.exit(1);
});
