import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { type ListQuery, paging, str, strList } from '../list-query';
import { readableMerchants } from '../scope';

const SORTABLE = ['label', 'status', 'lastSeenAt', 'pairedAt', 'createdAt', 'id'] as const;
const OPEN = ['PENDING', 'IN_PROGRESS', 'PROCESSING'];

export const terminalInclude = {
  merchant: { select: { merchantId: true, name: true, organizationId: true } },
  outlet: { select: { storeId: true, terminalId: true } },
  actions: { where: { state: { in: OPEN } }, take: 1 },
} satisfies Prisma.TerminalInclude;
/** A terminal with its outlet's numbers and its open action (if any). */
export type TerminalRow = Prisma.TerminalGetPayload<{ include: typeof terminalInclude }>;
export type TerminalActionRow = Prisma.TerminalActionGetPayload<object>;

/**
 * Terminals a scope may read: those of the merchants it reads (own, or granted). Whether the
 * caller may also act on one (transact, manage) is the service's rule.
 */
export class TerminalRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  private readable(): Prisma.TerminalWhereInput {
    return this.scope.kind === 'platform' ? {} : { merchant: readableMerchants(this.scope) };
  }

  async list(query: ListQuery) {
    const f = query.filter;
    const where: Prisma.TerminalWhereInput = {
      AND: [
        this.readable(),
        str(f.merchantId) ? { merchant: { merchantId: f.merchantId as string } } : {},
        str(f.status) ? { status: f.status as never } : {},
        strList(f.id) ? { id: { in: strList(f.id) } } : {},
        str(f.q)
          ? {
              OR: [
                { label: { contains: f.q as string, mode: 'insensitive' as const } },
                { terminalDeviceId: { contains: (f.q as string).toLowerCase() } },
              ],
            }
          : {},
      ],
    };
    const [rows, total] = await Promise.all([
      this.db.terminal.findMany({
        where,
        include: terminalInclude,
        ...paging(query, SORTABLE, 'createdAt'),
      }),
      this.db.terminal.count({ where }),
    ]);
    return { rows, total };
  }

  /** Every readable terminal not revoked (an API credential's list, narrowed by its service). */
  active() {
    return this.db.terminal.findMany({
      where: { AND: [this.readable(), { status: { not: 'REVOKED' } }] },
      include: terminalInclude,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  get(id: string) {
    return this.db.terminal.findFirst({
      where: { AND: [this.readable(), { id }] },
      include: terminalInclude,
    });
  }

  byDeviceId(terminalDeviceId: string) {
    return this.db.terminal.findFirst({
      where: { AND: [this.readable(), { terminalDeviceId }] },
      include: terminalInclude,
    });
  }

  /** The terminal's open action, else its newest one. */
  async currentAction(terminalRef: string): Promise<TerminalActionRow | null> {
    const where = { terminalRef, terminal: this.readable() };
    return (
      (await this.db.terminalAction.findFirst({ where: { ...where, state: { in: OPEN } } })) ??
      this.db.terminalAction.findFirst({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })
    );
  }
}
