import { Global, Module } from '@nestjs/common';
import { loadConfig } from './config';

/** The configuration, read once from the environment and injected wherever it is needed. */
export const CONDUIT_CONFIG = Symbol('CONDUIT_CONFIG');

@Global()
@Module({
  providers: [{ provide: CONDUIT_CONFIG, useFactory: () => loadConfig() }],
  exports: [CONDUIT_CONFIG],
})
export class ConfigModule {}
