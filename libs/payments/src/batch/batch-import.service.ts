import { Injectable, Optional } from '@nestjs/common';
import { DomainError } from '@conduit/domain';
import type { ImportFileRepository, NewImportRecord, PriorTransaction, Repositories } from '@conduit/db';
import { UnitOfWork } from '@conduit/db';
import {
  ackFileName,
  ackLine,
  importLines,
  type ImportLine,
  looksLikeImportRecord,
  NotAnImportFile,
  parseImportRecord,
} from '@conduit/wire';
import { newId } from '../ids';
import { PaymentsService } from '../payments.service';
import { SystemPrincipal, systemAudit } from '../settlement/system-principal';
import { FileVault } from '../settlement/file-vault';
import { BatchFilesQueue } from './batch-files-queue';
import { accountLabel, batchPrincipal } from './batch-principal';
import { GatewayFilesService } from './gateway-files.service';
import {
  ackTransactionId,
  answered,
  errorTextOf,
  fieldErrorsText,
  isExternalIdConflict,
  paymentInputOf,
  rejected,
  replayed,
} from './import-record';

/** Records read, charged and written together: one ExternalID lookup and one insert per page. */
const PAGE = 512;
/** Records in flight at once within a page (the database pool and the processor bound it too). */
const CONCURRENCY = 32;
const ACK_PAGE = 2000;

export interface ReceivedUpload {
  account: { id: string; organizationId: string; username?: string };
  name: string;
  fileRef: string;
  size: number;
}

export interface ProcessOptions {
  /** Stops between pages (tests simulate a worker killed mid-file). */
  signal?: AbortSignal;
}

type Account = { id: string; organizationId: string; username: string };
type Target = { id: string; merchantId: string; organizationId: string };

/**
 * Payment import files (batch-files.md §"Inbound: payment import file"): an upload becomes an
 * INBOUND IMPORT batch file, the worker runs each record through the payments core as the
 * uploading account, and the results go back as `NAME.ack`. Exactly once per (merchant,
 * ExternalID): see docs/batch-import.md.
 */
@Injectable()
export class BatchImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentsService,
    private readonly vault: FileVault,
    private readonly gatewayFiles: GatewayFilesService,
    @Optional() private readonly queue?: BatchFilesQueue,
  ) {}

  /** Records a finished upload inside the caller's transaction; `enqueue` it after the commit. */
  async receive(r: Repositories, input: ReceivedUpload): Promise<{ batchFileId: string }> {
    const id = newId();
    await r.batchImports.createInbound({
      id,
      organizationId: input.account.organizationId,
      accountRef: input.account.id,
      name: input.name,
      fileRef: input.fileRef,
      size: input.size,
    });
    await r.audit.record({
      ...systemAudit(SystemPrincipal.BatchFiles, {
        organizationId: input.account.organizationId,
        action: 'batch-file.receive',
        resource: 'batch-file',
        resourceId: id,
        changes: { name: input.name, kind: 'IMPORT', size: input.size, accountRef: input.account.id },
      }),
      actorLabel: input.account.username
        ? accountLabel({ username: input.account.username })
        : input.account.id,
    });
    return { batchFileId: id };
  }

  /** Starts processing a received file (job id = file id: a second call is a no-op). */
  async enqueue(batchFileId: string): Promise<void> {
    if (!this.queue) throw new Error('BatchFilesQueue is not provided in this process');
    await this.queue.importFile(batchFileId);
  }

  /**
   * Processes an import file, resumably: lines answered by an earlier (killed) run are skipped,
   * and a charge that did happen is found again by its ExternalID. Safe to run twice at once.
   */
  async process(batchFileId: string, options: ProcessOptions = {}) {
    const found = await this.uow.read.batchImports.forProcessing(batchFileId);
    if (!found) return { skipped: 'unknown import file' };
    const { file, merchants } = found;
    const account: Account = found.account;
    if (file.status === 'PROCESSED' || file.status === 'REJECTED') return { skipped: file.status };
    const repo = this.uow.read.batchImports.ofFile(file);
    await repo.update({ status: 'PROCESSING' });
    // First pass: is this an import file at all? Refusing a file whole must not follow charges.
    const notImport = await this.whyNotImport(file);
    if (notImport) return this.finish(file, account, { rejectedWhy: notImport });
    const run = new FileRun(this.payments, repo, account, merchants);
    await run.resume();
    let page: ImportLine[] = [];
    for await (const l of importLines(this.gatewayFiles.inboundContent(this.uow.read, file))) {
      if (run.done.has(l.line)) continue;
      page.push(l);
      if (page.length < PAGE) continue;
      options.signal?.throwIfAborted();
      await run.page(page);
      page = [];
    }
    options.signal?.throwIfAborted();
    if (page.length) await run.page(page);
    return this.finish(file, account, {});
  }

  private async whyNotImport(file: { fileRef: string | null }): Promise<string | null> {
    try {
      let first = true;
      for await (const l of importLines(this.gatewayFiles.inboundContent(this.uow.read, file))) {
        if (first && !looksLikeImportRecord(l.text))
          return `line ${l.line} is not an IMPTI10 record (a record starts with IMPTI10)`;
        first = false;
      }
      return first ? 'it has no records' : null;
    } catch (err) {
      if (err instanceof NotAnImportFile) return err.reason;
      throw err;
    }
  }

  /**
   * The end of a file, in one database transaction: its acknowledgement (streamed from the
   * records in line order, or one line saying why the file was refused), its status and counts,
   * the ack in the account's /outbound and the upload moved to /archive.
   */
  private async finish(
    file: { id: string; organizationId: string; name: string },
    account: Account,
    how: { rejectedWhy?: string },
  ) {
    return this.uow.run(
      async (r) => {
        const f = r.batchImports.ofFile(file);
        const status = await f.lockStatus();
        if (status === 'PROCESSED' || status === 'REJECTED') return { skipped: status };
        const out = await this.vault.create(r);
        const errors: string[] = [];
        if (how.rejectedWhy) {
          const message = new NotAnImportFile(how.rejectedWhy).message;
          errors.push(message);
          await out.write(
            ackLine({
              externalId: '',
              result: 'R',
              transactionId: '',
              responseCode: '',
              responseMessage: '',
              errorText: message,
            }),
          );
        } else {
          for (let after = 0; ;) {
            const rows = await f.recordsPage(after, ACK_PAGE);
            if (!rows.length) break;
            await out.write(
              rows
                .map((x) =>
                  ackLine({
                    externalId: x.externalId ?? '',
                    result: x.result === 'A' ? 'A' : 'R',
                    transactionId: ackTransactionId(x.transactionId),
                    responseCode: x.responseCode,
                    responseMessage: x.responseMessage,
                    errorText: x.errorText,
                  }),
                )
                .join(''),
            );
            if (rows.length < ACK_PAGE) break;
            after = rows[rows.length - 1].line;
          }
        }
        const stored = await out.close();
        const tally = how.rejectedWhy
          ? { recordCount: 0, acceptedCount: 0, rejectedCount: 0 }
          : await f.tally();
        const name = ackFileName(file.name);
        await f.createAck({
          id: stored.fileRef,
          accountRef: account.id,
          name,
          fileRef: stored.fileRef,
          size: stored.size,
          recordCount: tally.recordCount,
        });
        const finalStatus = how.rejectedWhy ? 'REJECTED' : 'PROCESSED';
        await f.update({
          status: finalStatus,
          ...tally,
          errors,
          processedAt: new Date(),
          relatedRef: stored.fileRef,
        });
        await this.gatewayFiles.placeOutbound(r, {
          accountRefs: [account.id],
          name,
          fileRef: stored.fileRef,
          size: stored.size,
          batchFileRef: stored.fileRef,
        });
        await this.gatewayFiles.archiveInbound(r, file.id);
        await r.audit.record({
          ...systemAudit(SystemPrincipal.BatchFiles, {
            organizationId: file.organizationId,
            action: how.rejectedWhy ? 'batch-file.reject' : 'batch-file.process',
            resource: 'batch-file',
            resourceId: file.id,
            changes: {
              name: file.name,
              status: finalStatus,
              ...tally,
              ack: name,
              ...(errors.length ? { errors } : {}),
            },
          }),
          actorLabel: accountLabel(account),
        });
        return { status: finalStatus, ...tally, ackBatchFileId: stored.fileRef };
      },
      { timeoutMs: 10 * 60 * 1000 },
    );
  }
}

/** One run over a file's records: the account's reach, the lines done, the running counts. */
class FileRun {
  done = new Set<number>();
  private counts = { recordCount: 0, acceptedCount: 0, rejectedCount: 0 };
  private readonly principal;
  private readonly byMerchantId: Map<string, Target>;

  constructor(
    private readonly payments: PaymentsService,
    private readonly repo: ImportFileRepository,
    account: Account,
    merchants: Target[],
  ) {
    this.principal = batchPrincipal(account, merchants);
    this.byMerchantId = new Map(merchants.map((m) => [m.merchantId, m]));
  }

  async resume() {
    this.done = await this.repo.doneLines();
    this.counts = await this.repo.tally();
  }

  /** A page of lines: one lookup of their ExternalIDs, bounded concurrency, one insert. */
  async page(lines: ImportLine[]) {
    const parsed = lines.map((l) => ({ line: l.line, rec: parseImportRecord(l.text) }));
    const wanted = new Set<string>();
    const refs = new Set<string>();
    for (const p of parsed) {
      if (!p.rec.ok) continue;
      const m = this.byMerchantId.get(p.rec.command.merchantId);
      if (!m) continue;
      refs.add(m.id);
      wanted.add(p.rec.command.externalId);
    }
    const priors = new Map<string, PriorTransaction>();
    for (const t of await this.repo.priorTransactions([...refs], [...wanted]))
      priors.set(`${t.merchantRef}|${t.externalId}`, t);
    const out: NewImportRecord[] = new Array(parsed.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < parsed.length; i = next++)
        out[i] = await this.one(parsed[i].line, parsed[i].rec, priors);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, parsed.length) }, lane));
    await this.repo.addRecords(out);
    for (const o of out) {
      this.counts.recordCount++;
      if (o.result === 'A') this.counts.acceptedCount++;
      else this.counts.rejectedCount++;
    }
    await this.repo.update(this.counts);
  }

  private async one(
    line: number,
    rec: ReturnType<typeof parseImportRecord>,
    priors: Map<string, PriorTransaction>,
  ): Promise<NewImportRecord> {
    if (!rec.ok) return rejected(line, rec, fieldErrorsText(rec.errors));
    const c = rec.command;
    const merchant = this.byMerchantId.get(c.merchantId);
    if (!merchant)
      return rejected(line, c, `MerchantID: merchant ${c.merchantId} is not in this account's scope`);
    const prior = priors.get(`${merchant.id}|${c.externalId}`);
    if (prior) return replayed(line, c, prior);
    try {
      const result = await this.payments.execute(this.principal, paymentInputOf(c));
      return answered(line, c, result.transaction);
    } catch (err) {
      if (isExternalIdConflict(err)) {
        // Another run charged this ExternalID between our lookup and our insert: its answer is ours.
        const [winner] = await this.repo.priorTransactions([merchant.id], [c.externalId]);
        if (winner) return replayed(line, c, winner);
      }
      if (err instanceof DomainError) return rejected(line, c, errorTextOf(err));
      throw err;
    }
  }
}
