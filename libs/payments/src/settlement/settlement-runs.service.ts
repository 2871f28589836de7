import { Injectable } from '@nestjs/common';
import { type Actor, latestCutoffAtOrBefore, parseCutoff } from '@conduit/domain';
import { UnitOfWork } from '@conduit/db';
import { PostingFilesService } from './posting-files.service';
import { type CloseResult, SettlementService } from './settlement.service';

/** A schedule may fire a little early (clocks differ between Redis and the worker's host). */
const EARLY_TOLERANCE_MS = 2 * 60 * 1000;

export type RunResult = CloseResult & { files: string[] };

/**
 * A close and its posting files, the one way the clock and settle-now both run it: the worker's
 * job and the admin API call these and nothing else.
 */
@Injectable()
export class SettlementRunsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly settlement: SettlementService,
    private readonly postingFiles: PostingFilesService,
  ) {}

  /**
   * The merchant's schedule fired: close the batch for the latest cut-off that has passed
   * (waiting out a schedule that fired a moment early). Replayed, or run by two workers, it
   * changes nothing: the close is guarded in PostgreSQL.
   */
  async atCutoff(merchantRef: string): Promise<RunResult | null> {
    const merchant = await this.uow.read.settlementSchedule.merchant(merchantRef);
    if (!merchant || merchant.status !== 'ACTIVE') return null;
    const now = Date.now();
    const cutoffAt = latestCutoffAtOrBefore(
      merchant.timeZone,
      parseCutoff(merchant.settlementCutoff),
      new Date(now + EARLY_TOLERANCE_MS),
    );
    if (cutoffAt.getTime() > now)
      await new Promise((resolve) => setTimeout(resolve, cutoffAt.getTime() - now));
    return this.withFiles(await this.settlement.close(merchant, { kind: 'cutoff', cutoffAt }));
  }

  /** `POST /admin/api/merchants/{id}/settle-now`. */
  async settleNow(actor: Actor, merchantId: string): Promise<RunResult> {
    return this.withFiles(await this.settlement.settleNow(actor, merchantId));
  }

  private async withFiles(result: CloseResult): Promise<RunResult> {
    const files = result.batchRef ? await this.postingFiles.render(result.batchRef) : { written: [] };
    return { ...result, files: files.written };
  }
}
