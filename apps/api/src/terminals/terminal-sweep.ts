import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@conduit/observability';
import { TerminalDevicesService } from '@conduit/payments';
import { APP_LOGGER } from '../http/logger.provider';

const EVERY_MS = 2_000;

/**
 * Times out terminal actions no card reached before their deadline. Every api replica runs it;
 * each move is a compare-and-set in PostgreSQL, so two replicas never time out one action twice.
 */
@Injectable()
export class TerminalSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly devices: TerminalDevicesService,
    @Inject(APP_LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick() {
    if (this.running) return;
    this.running = true;
    try {
      await this.devices.sweep();
    } catch (err) {
      this.log.error({ err: { message: (err as Error).message } }, 'terminal timeout sweep failed');
    } finally {
      this.running = false;
    }
  }
}
