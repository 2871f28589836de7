import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { terminalInclude, type TerminalActionRow, type TerminalRow } from './terminal.repository';

type NewTerminal = Omit<Prisma.TerminalUncheckedCreateInput, 'organizationId' | 'merchantRef'>;
type NewAction = Omit<Prisma.TerminalActionUncheckedCreateInput, 'organizationId' | 'merchantRef'>;
export type TerminalPatch = Pick<
  Prisma.TerminalUncheckedUpdateInput,
  | 'status'
  | 'pairingCodeHash'
  | 'pairingCodeExpiresAt'
  | 'secretHash'
  | 'pairedAt'
  | 'model'
  | 'serialNumber'
  | 'firmware'
  | 'capabilities'
>;
export type ActionPatch = Pick<
  Prisma.TerminalActionUncheckedUpdateInput,
  | 'state'
  | 'deviceStatus'
  | 'deviceStatusText'
  | 'outcome'
  | 'transactionId'
  | 'errorMessage'
  | 'cardAt'
  | 'completedAt'
  | 'deliveredAt'
>;

/**
 * A terminal's writes at ONE merchant (already found manageable or transactable for the caller):
 * the terminal and its actions belong to that merchant and are never reached from another.
 * Action state changes are compare-and-set on the state, so two replicas (or a resent message)
 * cannot both move the same action.
 */
export class MerchantTerminalRepository {
  constructor(
    private readonly db: Db,
    private readonly merchant: { id: string; organizationId: string },
  ) {}

  private get owner() {
    return { organizationId: this.merchant.organizationId, merchantRef: this.merchant.id };
  }

  insert(data: NewTerminal): Promise<TerminalRow> {
    return this.db.terminal.create({ data: { ...data, ...this.owner }, include: terminalInclude });
  }

  update(id: string, patch: TerminalPatch): Promise<TerminalRow> {
    return this.db.terminal.update({
      where: { id, merchantRef: this.merchant.id },
      data: patch,
      include: terminalInclude,
    });
  }

  /** Inserts an action; false when the terminal already has an open one (the partial index). */
  async insertAction(data: NewAction): Promise<boolean> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      INSERT INTO terminal_actions
        (id, organization_id, merchant_ref, terminal_ref, credential_id, action, amount_cents,
         entry_modes, timeout_seconds, request, state, expires_at, updated_at)
      VALUES (${data.id}::uuid, ${this.merchant.organizationId}::uuid, ${this.merchant.id}::uuid,
        ${data.terminalRef}::uuid, ${data.credentialId ?? null}::uuid, ${data.action},
        ${String(data.amountCents)}::bigint, ${data.entryModes as string[]}::text[],
        ${data.timeoutSeconds}::int, ${JSON.stringify(data.request)}::jsonb, ${data.state},
        ${data.expiresAt as Date}, now())
      ON CONFLICT DO NOTHING
      RETURNING id::text`;
    return rows.length > 0;
  }

  action(id: string): Promise<TerminalActionRow | null> {
    return this.db.terminalAction.findFirst({ where: { id, merchantRef: this.merchant.id } });
  }

  /** Moves an action that is in one of `from`; null when it was not (someone moved it first). */
  async move(id: string, from: readonly string[], patch: ActionPatch): Promise<TerminalActionRow | null> {
    const { count } = await this.db.terminalAction.updateMany({
      where: { id, merchantRef: this.merchant.id, state: { in: [...from] } },
      data: patch,
    });
    return count ? this.action(id) : null;
  }

  /** Marks a finished action's result (or cancel) as taken by the terminal. */
  async delivered(id: string): Promise<void> {
    await this.db.terminalAction.updateMany({
      where: { id, merchantRef: this.merchant.id, deliveredAt: null },
      data: { deliveredAt: new Date() },
    });
  }
}
