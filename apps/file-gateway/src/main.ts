import 'reflect-metadata';
import { startFileGateway } from './file-gateway';
import { gatewayLogger } from './gateway-logger';

startFileGateway().catch((err) => {
  gatewayLogger().fatal(
    { err: { message: (err as Error).message, stack: (err as Error).stack } },
    'file gateway failed to start',
  );
  process.exit(1);
});
