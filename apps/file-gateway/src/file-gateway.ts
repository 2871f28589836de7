import { NestFactory } from '@nestjs/core';
import { JsonNestLogger } from '@conduit/observability';
import { FileGatewayModule } from './file-gateway.module';
import { gatewayLogger } from './gateway-logger';

/** Starts the gateway's listeners (GatewayListeners does, on bootstrap). */
export async function startFileGateway(): Promise<void> {
  const app = await NestFactory.createApplicationContext(FileGatewayModule, {
    logger: new JsonNestLogger(gatewayLogger()),
  });
  // process.exit() after the shutdown hooks rather than re-raising the signal: only then does
  // 'exit' fire, which writes the log lines still batched (batched-destination.ts).
  app.enableShutdownHooks([], { useProcessExit: true });
}
