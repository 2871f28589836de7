import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS, subscribeWhenReady } from '@conduit/queues';
import type { TerminalSignal } from '@conduit/payments';

const CHANNEL = 'conduit:terminals';
const PRESENCE = 'conduit:terminal:online:';
/** Presence outlives two missed heartbeats (15 s each) and then lapses by itself. */
export const PRESENCE_TTL_MS = 40_000;

export interface TerminalMessage {
  terminalDeviceId: string;
  kind: 'wake' | 'disconnect';
}

/**
 * The terminals' Redis side, shared by every api replica: one pub/sub channel on which any
 * replica announces a change for a terminal (the replica holding its socket acts on it), and a
 * presence key per connected terminal, refreshed by its heartbeat, naming the replica and the
 * connection that hold it.
 */
@Injectable()
export class RedisTerminalSignal implements TerminalSignal, OnModuleInit, OnApplicationShutdown {
  readonly replicaId = randomUUID();
  private subscriber: Redis | null = null;
  private readonly listeners = new Set<(m: TerminalMessage) => void>();

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onModuleInit() {
    this.subscriber = this.redis.duplicate({ enableAutoPipelining: false });
    this.subscriber.on('message', (_channel: string, raw: string) => {
      let m: TerminalMessage;
      try {
        m = JSON.parse(raw) as TerminalMessage;
      } catch {
        return;
      }
      for (const l of this.listeners) l(m);
    });
    await subscribeWhenReady(this.subscriber, CHANNEL);
  }

  async onApplicationShutdown() {
    this.subscriber?.disconnect();
  }

  listen(fn: (m: TerminalMessage) => void): void {
    this.listeners.add(fn);
  }

  private async publish(m: TerminalMessage): Promise<void> {
    await this.redis.publish(CHANNEL, JSON.stringify(m));
  }

  wake(terminalDeviceId: string) {
    return this.publish({ terminalDeviceId, kind: 'wake' });
  }

  disconnect(terminalDeviceId: string) {
    return this.publish({ terminalDeviceId, kind: 'disconnect' });
  }

  async online(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const values = await this.redis.mget(ids.map((id) => PRESENCE + id));
    return new Set(ids.filter((_, i) => values[i] !== null));
  }

  /** Marks a terminal online on this replica's connection `connectionId`. */
  async present(terminalDeviceId: string, connectionId: string): Promise<void> {
    await this.redis.set(
      PRESENCE + terminalDeviceId,
      `${this.replicaId}:${connectionId}`,
      'PX',
      PRESENCE_TTL_MS,
    );
  }

  /** Drops presence, unless a newer connection (maybe on another replica) has taken it over. */
  async absent(terminalDeviceId: string, connectionId: string): Promise<void> {
    await this.redis.eval(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
      1,
      PRESENCE + terminalDeviceId,
      `${this.replicaId}:${connectionId}`,
    );
  }
}
