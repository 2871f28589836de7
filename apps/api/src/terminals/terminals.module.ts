import { Global, Module } from '@nestjs/common';
import { PaymentsModule, TERMINAL_SIGNAL } from '@conduit/payments';
import { loggerProvider } from '../http/logger.provider';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { RestTerminalsController } from '../rest/rest-terminals.controller';
import { PairingRateLimitGuard } from './pairing-rate-limit.guard';
import { RedisTerminalSignal } from './redis-terminal-signal';
import { TerminalGateway } from './terminal-gateway';
import { TerminalSweep } from './terminal-sweep';

/**
 * Server-driven terminals: the REST endpoints, the WebSocket gateway, the Redis signal every
 * replica shares (global, so the core's terminal services reach it) and the timeout sweep.
 */
@Global()
@Module({
  imports: [PaymentsModule],
  controllers: [RestTerminalsController],
  providers: [
    loggerProvider,
    RedisTerminalSignal,
    { provide: TERMINAL_SIGNAL, useExisting: RedisTerminalSignal },
    TerminalGateway,
    TerminalSweep,
    PairingRateLimitGuard,
    CredentialRateLimitGuard,
  ],
  exports: [TERMINAL_SIGNAL],
})
export class TerminalsModule {}
