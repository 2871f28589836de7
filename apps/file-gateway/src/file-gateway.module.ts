import { Global, Module } from '@nestjs/common';
import { CONDUIT_CONFIG, ConfigModule, type ConduitConfig } from '@conduit/config';
import { DbModule } from '@conduit/db';
import { createRedis, REDIS } from '@conduit/queues';
import { BatchImportModule, BatchImportService, PaymentsCoreModule } from '@conduit/payments';
import { INBOUND_FILES } from './gateway/inbound-files';
import { GATEWAY_LOGGER, gatewayLogger } from './gateway-logger';
import { GatewayListeners } from './gateway-listeners.service';

/** The gateway's Redis connection (bans, host-key publication, job enqueues). */
@Global()
@Module({
  providers: [
    { provide: REDIS, useFactory: (c: ConduitConfig) => createRedis(c.redisUrl), inject: [CONDUIT_CONFIG] },
  ],
  exports: [REDIS],
})
class GatewayRedisModule {}

/**
 * The file gateway (decision 0023): SFTP and FTPS listeners over the same payments core as the
 * api and worker. Uploads become import batch files that the worker processes.
 */
@Module({
  imports: [ConfigModule, DbModule, GatewayRedisModule, PaymentsCoreModule, BatchImportModule],
  providers: [
    { provide: GATEWAY_LOGGER, useFactory: gatewayLogger },
    // A completed upload becomes an import batch file of the payments core.
    { provide: INBOUND_FILES, useExisting: BatchImportService },
    GatewayListeners,
  ],
})
export class FileGatewayModule {}
