import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CANCELLABLE_STATES,
  DEVICE_STATUSES,
  DomainError,
  ErrorCode,
  normalizePairingCode,
  type TerminalEntryMode,
  type TerminalPrincipal,
  TERMINAL_DEVICE_ID,
  TERMINAL_ENTRY_MODES,
} from '@conduit/domain';
import { type TerminalActionRow, type TerminalRow, UnitOfWork } from '@conduit/db';
import { sha256Hex } from '@conduit/crypto';
import { parsePaymentCommand } from '../commands/parse-payment-command';
import { DataKeys } from '../data-keys.service';
import { fromWireId } from '../ids';
import { PaymentsService } from '../payments.service';
import type { PaymentResult } from '../transaction-view';
import { terminalAudit } from './terminal-audit';
import { newDeviceSecret } from './terminal-credentials';
import { type TerminalCard, terminalPaymentInput } from './terminal-payment-input';
import { TERMINAL_SIGNAL, type TerminalSignal } from './terminal-signal';

export interface PairingInput {
  pairingCode: unknown;
  model?: unknown;
  serialNumber?: unknown;
  firmware?: unknown;
  capabilities?: unknown;
}

export interface Paired {
  terminalDeviceId: string;
  deviceSecret: string;
  outlet: { merchantId: string; storeId: string; terminalId: string };
}

/** What the device is owed now: the open action, or a finished one's result or cancel. */
export type Owed =
  | { kind: 'action'; action: TerminalActionRow }
  | { kind: 'result'; action: TerminalActionRow; payment: PaymentResult | null }
  | { kind: 'cancel'; action: TerminalActionRow; reason: 'server' | 'timeout' }
  | null;

const LAST_SEEN_EVERY_MS = 30_000;
const text = (v: unknown, max = 128) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);
const INVALID_CODE = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'Pairing code is invalid or expired');

function principalOf(t: TerminalRow): TerminalPrincipal {
  return {
    kind: 'TERMINAL',
    credentialId: null,
    terminalRef: t.id,
    identifier: `terminal:${t.terminalDeviceId}`,
    organizationId: t.organizationId,
    merchantIds: [t.merchant.merchantId],
    ip: null,
  };
}

/**
 * The terminal's side (devices.md "Server-driven terminals"): pairing with a one-time code, the
 * socket's sign-in, and each message it sends. The card of an action is claimed in PostgreSQL
 * (PENDING/IN_PROGRESS → PROCESSING) before the payment runs, so it is charged exactly once
 * whichever replica, and however many times, the message arrives.
 */
@Injectable()
export class TerminalDevicesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentsService,
    private readonly dataKeys: DataKeys,
    @Optional() @Inject(TERMINAL_SIGNAL) private readonly signal?: TerminalSignal,
  ) {}

  async pair(input: PairingInput): Promise<Paired> {
    const code = normalizePairingCode(input.pairingCode);
    if (!code) throw INVALID_CODE();
    const now = new Date();
    const t = await this.uow.read.terminalDevices.byPairingCode(
      this.dataKeys.pairingCodes.candidates(code),
      now,
    );
    if (!t?.pairingCodeHash) throw INVALID_CODE();
    const hash = t.pairingCodeHash;
    const secret = newDeviceSecret();
    const caps = Array.isArray(input.capabilities)
      ? input.capabilities
          .map((c) => text(c, 32))
          .filter((c): c is string => c !== null)
          .slice(0, 16)
      : [];
    await this.uow.run(async (r) => {
      if (!(await r.terminalDevices.consumePairingCode(t.id, hash, now))) throw INVALID_CODE();
      await r.atMerchant({ id: t.merchantRef, organizationId: t.organizationId }).terminals.update(t.id, {
        status: 'PAIRED',
        // A plain sha256 is enough here: the secret is 256 random bits, nothing to brute-force
        // (unlike the 40-bit pairing code, which is an HMAC; decision 0039).
        secretHash: sha256Hex(secret),
        pairedAt: now,
        model: text(input.model),
        serialNumber: text(input.serialNumber),
        firmware: text(input.firmware, 64),
        capabilities: caps,
      });
      await r.audit.record(
        terminalAudit(principalOf(t), t.organizationId, 'terminal.paired', t.id, {
          model: text(input.model),
          serialNumber: text(input.serialNumber),
        }),
      );
    });
    // A socket signed in with the previous secret (a re-pair) must go.
    await this.signal?.disconnect(t.terminalDeviceId);
    return {
      terminalDeviceId: t.terminalDeviceId,
      deviceSecret: secret,
      outlet: {
        merchantId: t.merchant.merchantId,
        storeId: t.outlet.storeId,
        terminalId: t.outlet.terminalId,
      },
    };
  }

  /** The paired terminal these Basic credentials name, or null (never says which part was wrong). */
  async authenticate(terminalDeviceId: string, secret: string): Promise<TerminalRow | null> {
    if (!TERMINAL_DEVICE_ID.test(terminalDeviceId) || secret.length > 128) return null;
    const t = await this.uow.read.terminalDevices.forSignIn(terminalDeviceId);
    const given = Buffer.from(sha256Hex(secret), 'hex');
    const stored = Buffer.from(t?.secretHash ?? '0'.repeat(64), 'hex');
    return t && t.secretHash && timingSafeEqual(given, stored) ? t : null;
  }

  /** Re-reads a signed-in terminal (still paired with the same secret?), for a socket woken up. */
  async current(t: TerminalRow): Promise<TerminalRow | null> {
    const now = await this.uow.read.terminalDevices.forSignIn(t.terminalDeviceId);
    return now && now.secretHash === t.secretHash ? now : null;
  }

  seen(t: TerminalRow): Promise<void> {
    return this.uow.read.terminalDevices.touch(t.id, new Date(), LAST_SEEN_EVERY_MS);
  }

  async owed(t: TerminalRow): Promise<Owed> {
    const latest = await this.uow.read.forScope(scopeOf(t)).terminals.currentAction(t.id);
    if (!latest) return null;
    if (latest.state === 'PENDING' || latest.state === 'IN_PROGRESS')
      return { kind: 'action', action: latest };
    if (latest.state === 'PROCESSING' || latest.deliveredAt) return null;
    if (latest.state === 'CANCELLED' || latest.state === 'TIMED_OUT')
      return { kind: 'cancel', action: latest, reason: latest.state === 'TIMED_OUT' ? 'timeout' : 'server' };
    return { kind: 'result', action: latest, payment: await this.paymentOf(t, latest) };
  }

  async delivered(t: TerminalRow, actionId: string): Promise<void> {
    await this.uow.read.atMerchant(merchantOf(t)).terminals.delivered(actionId);
  }

  /** A status line from the device; the first one moves the action to IN_PROGRESS. */
  async status(t: TerminalRow, actionId: string, status: unknown, statusText: unknown): Promise<void> {
    const s = DEVICE_STATUSES.find((d) => d === status);
    if (!s) return;
    const patch = { deviceStatus: s, deviceStatusText: text(statusText, 200) };
    await this.uow.run(async (r) => {
      const repo = r.atMerchant(merchantOf(t)).terminals;
      const started = await repo.move(actionId, ['PENDING'], { ...patch, state: 'IN_PROGRESS' });
      if (started)
        await r.audit.record(
          terminalAudit(principalOf(t), t.organizationId, 'terminal-action.started', actionId),
        );
      else await repo.move(actionId, ['IN_PROGRESS', 'PROCESSING'], patch);
    });
  }

  /** The device gave up on the action (customer cancelled, its own timeout, a reader error). */
  async abandon(
    t: TerminalRow,
    actionId: string,
    outcome: 'cancelled' | 'timeout' | 'error',
    message?: string,
  ) {
    const state = outcome === 'cancelled' ? 'CANCELLED' : outcome === 'timeout' ? 'TIMED_OUT' : 'FAILED';
    await this.uow.run(async (r) => {
      const moved = await r.atMerchant(merchantOf(t)).terminals.move(actionId, CANCELLABLE_STATES, {
        state,
        completedAt: new Date(),
        deliveredAt: new Date(),
        errorMessage:
          message ?? (outcome === 'cancelled' ? 'Cancelled at the terminal' : 'Timed out at the terminal'),
      });
      if (moved)
        await r.audit.record(
          terminalAudit(principalOf(t), t.organizationId, `terminal-action.${state.toLowerCase()}`, actionId),
        );
    });
  }

  /**
   * The card for an action: claimed, paid through the payments core under the terminal's
   * principal, and finished — or, when it was claimed before (a resent message), that action's
   * outcome as it stands.
   */
  async card(t: TerminalRow, actionId: string, card: TerminalCard): Promise<Owed> {
    const merchant = merchantOf(t);
    const claimed = await this.uow.run(async (r) => {
      const row = await r.atMerchant(merchant).terminals.move(actionId, CANCELLABLE_STATES, {
        state: 'PROCESSING',
        cardAt: new Date(),
        deviceStatus: 'Processing',
      });
      if (row)
        await r.audit.record(
          terminalAudit(principalOf(t), t.organizationId, 'terminal-action.card', actionId, {
            entryMode: String(card.entryMode ?? ''),
          }),
        );
      return row;
    });
    if (!claimed) {
      const row = await this.uow.read.atMerchant(merchant).terminals.action(actionId);
      if (!row || row.terminalRef !== t.id) return null;
      return row.state === 'PROCESSING' ? null : this.owed(t);
    }
    let payment: PaymentResult | null = null;
    let error: string | null = null;
    try {
      const mode = TERMINAL_ENTRY_MODES.find((m) => m === card.entryMode);
      if (!mode || !claimed.entryModes.includes(mode))
        throw DomainError.validation([
          { field: 'entryMode', message: `entryMode must be one of ${claimed.entryModes.join(', ')}` },
        ]);
      const command = parsePaymentCommand(terminalPaymentInput(t, claimed, mode as TerminalEntryMode, card));
      payment = await this.payments.execute(principalOf(t), command);
    } catch (err) {
      // Only a domain error's own message (which never echoes card data) reaches the device.
      error = err instanceof DomainError ? err.message : 'The payment could not be processed';
    }
    const approved = payment && payment.transaction.status !== 'D';
    const finished = await this.uow.run(async (r) => {
      const row = await r.atMerchant(merchant).terminals.move(actionId, ['PROCESSING'], {
        state: payment ? 'COMPLETED' : 'FAILED',
        outcome: payment ? (approved ? 'approved' : 'declined') : 'error',
        transactionId: payment ? fromWireId(payment.transaction.transactionId, 'Transaction') : null,
        errorMessage: error,
        completedAt: new Date(),
        deviceStatus: 'Complete',
      });
      await r.audit.record(
        terminalAudit(principalOf(t), t.organizationId, 'terminal-action.completed', actionId, {
          outcome: payment ? (approved ? 'approved' : 'declined') : 'error',
          transactionId: payment?.transaction.transactionId,
        }),
      );
      return row;
    });
    return finished ? { kind: 'result', action: finished, payment } : null;
  }

  private paymentOf(t: TerminalRow, a: TerminalActionRow): Promise<PaymentResult | null> {
    if (!a.transactionId) return Promise.resolve(null);
    return this.payments.viewReceipt(principalOf(t), {
      kind: 'viewReceipt',
      channel: 'REST',
      by: { transactionId: a.transactionId },
    });
  }

  /** Times out open actions no card reached before their deadline (any replica may run it). */
  async sweep(now = new Date()): Promise<number> {
    const expired = await this.uow.read.terminalDevices.expiredActions(now);
    let moved = 0;
    for (const a of expired) {
      const done = await this.uow.run(async (r) => {
        const row = await r
          .atMerchant({ id: a.merchantRef, organizationId: a.organizationId })
          .terminals.move(a.id, CANCELLABLE_STATES, {
            state: 'TIMED_OUT',
            completedAt: now,
            errorMessage: 'The terminal took no card in time',
          });
        if (row)
          await r.audit.record(
            terminalAudit(
              { kind: 'SYSTEM', identifier: 'system:terminal-timeouts' },
              a.organizationId,
              'terminal-action.timed_out',
              a.id,
            ),
          );
        return row;
      });
      if (done) {
        moved += 1;
        await this.signal?.wake(a.terminal.terminalDeviceId);
      }
    }
    return moved;
  }
}

const merchantOf = (t: TerminalRow) => ({ id: t.merchantRef, organizationId: t.organizationId });
const scopeOf = (t: TerminalRow) => ({ kind: 'organization' as const, organizationId: t.organizationId });
