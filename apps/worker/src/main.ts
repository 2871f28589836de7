import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JsonNestLogger } from '@conduit/observability';
import { WorkerModule } from './worker.module';
import { workerLogger } from './worker-logger';

async function bootstrap() {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new JsonNestLogger(workerLogger()),
  });
  app.enableShutdownHooks();
}

bootstrap().catch((err) => {
  workerLogger().fatal(
    { err: { message: (err as Error).message, stack: (err as Error).stack } },
    'worker failed to start',
  );
  process.exit(1);
});
