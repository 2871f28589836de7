import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Logger } from '@conduit/observability';
import { formatAmount } from '@conduit/domain';
import type { TerminalActionRow, TerminalRow } from '@conduit/db';
import { type Owed, type TerminalDevicesService, toWireId, fromWireId } from '@conduit/payments';
import { restResult } from '../rest/rest-output';
import type { RedisTerminalSignal } from './redis-terminal-signal';

export const HEARTBEAT_SECONDS = 15;
type Frame = Record<string, unknown> & { type: string };
/** Digit runs long enough to be a card number never leave the socket in a device's own text. */
const scrub = (s: unknown) =>
  String(s ?? '')
    .replace(/\d{12,}/g, '[redacted]')
    .slice(0, 200);

/**
 * One terminal's socket on this replica. It holds no state another replica needs: what the
 * terminal is owed is always re-read from PostgreSQL (`sync`), so a reconnect to any replica
 * resumes the open action or delivers the result that completed while the socket was down.
 */
export class TerminalConnection {
  readonly id = randomUUID();
  private sentAction: string | null = null;
  private lastPong = Date.now();
  private heartbeat: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private terminal: TerminalRow,
    private readonly ws: WebSocket,
    private readonly devices: TerminalDevicesService,
    private readonly signal: RedisTerminalSignal,
    private readonly log: Logger,
  ) {}

  get terminalDeviceId() {
    return this.terminal.terminalDeviceId;
  }

  async start(): Promise<void> {
    this.ws.on('message', (data) => this.serially(() => this.onMessage(String(data))));
    this.send({
      type: 'hello',
      terminalDeviceId: this.terminalDeviceId,
      heartbeatSeconds: HEARTBEAT_SECONDS,
    });
    await this.signal.present(this.terminalDeviceId, this.id);
    await this.devices.seen(this.terminal);
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_SECONDS * 1000);
    this.heartbeat.unref();
    this.serially(() => this.sync());
  }

  /** Called when the socket closed: presence goes unless a newer connection holds it. */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.signal.absent(this.terminalDeviceId, this.id).catch(() => undefined);
  }

  close(code = 4001, reason = 'Terminal signed out'): void {
    this.ws.close(code, reason);
  }

  /** Another replica (or this one) changed the terminal: send what it is owed now. */
  wake(): void {
    this.serially(async () => {
      const current = await this.devices.current(this.terminal);
      if (!current) return this.close(4001, 'Terminal is no longer paired');
      this.terminal = current;
      await this.sync();
    });
  }

  /** One message at a time per socket, in order; an error closes nothing and is logged. */
  private serially(fn: () => Promise<void>): void {
    this.chain = this.chain.then(fn).catch((err: Error) => {
      this.log.error(
        { terminalDeviceId: this.terminalDeviceId, err: { message: err.message } },
        'terminal message failed',
      );
    });
  }

  private beat(): void {
    if (Date.now() - this.lastPong > HEARTBEAT_SECONDS * 2500) {
      this.ws.terminate();
      return;
    }
    this.send({ type: 'ping' });
  }

  private send(frame: Frame): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private async sync(): Promise<void> {
    await this.deliver(await this.devices.owed(this.terminal));
  }

  private async deliver(owed: Owed): Promise<void> {
    if (!owed) return;
    const actionId = toWireId(owed.action.id);
    if (owed.kind === 'action') {
      if (this.sentAction === actionId) return;
      this.sentAction = actionId;
      return this.send(actionFrame(owed.action));
    }
    if (owed.kind === 'cancel') this.send({ type: 'cancel', actionId });
    else {
      const transaction = owed.payment ? restResult(owed.payment) : undefined;
      this.send({
        type: 'result',
        actionId,
        outcome: owed.action.outcome ?? 'error',
        ...(transaction ? { transaction } : {}),
        ...(owed.action.errorMessage ? { message: owed.action.errorMessage } : {}),
        ...issuerResponseOf(transaction),
      });
    }
    await this.devices.delivered(this.terminal, owed.action.id);
  }

  private async onMessage(raw: string): Promise<void> {
    let m: Frame;
    try {
      m = JSON.parse(raw) as Frame;
    } catch {
      return this.send({ type: 'error', message: 'Frames must be JSON text' });
    }
    this.lastPong = Date.now();
    await this.signal.present(this.terminalDeviceId, this.id);
    await this.devices.seen(this.terminal);
    const actionId = typeof m.actionId === 'string' ? this.actionRef(m.actionId) : null;
    switch (m.type) {
      case 'pong':
        return;
      case 'status':
        if (actionId) await this.devices.status(this.terminal, actionId, m.status, m.text);
        return;
      case 'card':
        if (actionId && m.card && typeof m.card === 'object')
          await this.deliver(
            await this.devices.card(this.terminal, actionId, m.card as Record<string, unknown>),
          );
        return;
      case 'cancelled':
        if (actionId)
          await this.devices.abandon(
            this.terminal,
            actionId,
            m.reason === 'timeout' ? 'timeout' : 'cancelled',
          );
        return;
      case 'error':
        if (actionId) await this.devices.abandon(this.terminal, actionId, 'error', scrub(m.message));
        return;
      default:
        this.send({ type: 'error', message: 'Unknown frame type' });
    }
  }

  private actionRef(wire: string): string | null {
    try {
      return fromWireId(wire, 'Action');
    } catch {
      return null;
    }
  }
}

function actionFrame(a: TerminalActionRow): Frame {
  const req = a.request as { patient?: Record<string, string> };
  const remaining = Math.max(1, Math.ceil((a.expiresAt.getTime() - Date.now()) / 1000));
  return {
    type: 'action',
    actionId: toWireId(a.id),
    action: a.action,
    amount: formatAmount(Number(a.amountCents)),
    entryModes: a.entryModes,
    timeoutSeconds: remaining,
    ...(req.patient && Object.keys(req.patient).length ? { patient: req.patient } : {}),
  };
}

/** The chip's second step: the issuer's response TLV, when the transaction carries one. */
function issuerResponseOf(transaction: unknown): { emvIssuerResponse?: string } {
  const card = (transaction as { Card?: { EMV?: { IssuerResponse?: unknown } } } | undefined)?.Card;
  const value = card?.EMV?.IssuerResponse;
  return typeof value === 'string' ? { emvIssuerResponse: value } : {};
}
