import { Injectable, Optional } from '@nestjs/common';
import { DomainError } from '@conduit/domain';
import type { NewImportRecord, PriorTransaction, Repositories } from '@conduit/db';
import { UnitOfWork } from '@conduit/db';
import { OutboxSignal } from '@conduit/queues';
import {
  ackFileName,
  ackLine,
  type ImportCommand,
  importLines,
  type ImportLine,
  looksLikeImportRecord,
  NotAnImportFile,
  parseImportRecord,
} from '@conduit/wire';
import { parsePaymentCommand } from '../commands/parse-payment-command';
import { newId } from '../ids';
import { countPayments, outcomeOf } from '../payment-metrics';
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
import { ImportSales, type PageSale, type SaleOutcome } from './import-sales';

/** Records read, charged and written together: one ExternalID lookup and one transaction per page. */
export const IMPORT_PAGE_SIZE = 1000;
/** SimpleRefund records in flight at once (each is its own `PaymentsService.execute`). */
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

const roundSteps = (s: ImportSteps): ImportSteps => ({
  read: Math.round(s.read),
  charge: Math.round(s.charge),
  write: Math.round(s.write),
  refunds: Math.round(s.refunds),
});

/**
 * Payment import files (batch-files.md §"Inbound: payment import file"): an upload becomes an
 * INBOUND IMPORT batch file, the worker runs each record through the payments core as the
 * uploading account, and the results go back as `NAME.ack`. Exactly once per (merchant,
 * ExternalID): see docs/batch-import.md.
 */
@Injectable()
export class BatchImportService {
  /** Records per page; tests lower it to cross page boundaries with few records. */
  pageSize = IMPORT_PAGE_SIZE;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentsService,
    private readonly sales: ImportSales,
    private readonly vault: FileVault,
    private readonly gatewayFiles: GatewayFilesService,
    @Optional() private readonly queue?: BatchFilesQueue,
    @Optional() private readonly outbox?: OutboxSignal,
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
    const run = new FileRun(this.uow, this.payments, this.sales, file, account, merchants, this.outbox);
    await run.resume();
    // Two pages at once: the next page's rules and processor calls (CPU here) while the previous
    // page's transaction is written (work in PostgreSQL). A page's writes still commit in file
    // order, and a record whose ExternalID is in the page being written waits for it.
    let writing: Promise<void> = Promise.resolve();
    let inFlight = new Set<string>();
    const next = async (lines: ImportLine[]) => {
      if (options.signal?.aborted) {
        await writing; // stop between pages: the page being written commits first
        options.signal.throwIfAborted();
      }
      let prepared: PreparedPage;
      try {
        prepared = await run.prepare(lines, inFlight);
      } catch (err) {
        await writing.catch(() => undefined); // a failing run still ends with what it committed
        throw err;
      }
      await writing;
      inFlight = prepared.keys;
      writing = run.write(prepared);
      writing.catch(() => undefined); // awaited by the next page or at the end
    };
    let page: ImportLine[] = [];
    for await (const l of importLines(this.gatewayFiles.inboundContent(this.uow.read, file))) {
      if (run.done.has(l.line)) continue;
      page.push(l);
      if (page.length < this.pageSize) continue;
      await next(page);
      page = [];
    }
    if (page.length) await next(page);
    await writing;
    options.signal?.throwIfAborted();
    const finished = await this.finish(file, account, {});
    return { ...finished, stepsMs: roundSteps(run.steps) };
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

/** Milliseconds a run spent per step (the worker's log and the throughput test print them). */
export interface ImportSteps {
  /** Reading and parsing lines, and the page's ExternalID lookup. */
  read: number;
  /** The Sale rules and the processor (`ImportSales.charge`), no database writes. */
  charge: number;
  /** The page's one database transaction: rows, events, records, counts, audit. */
  write: number;
  /** SimpleRefund records, one `PaymentsService.execute` each. */
  refunds: number;
}

type PageRefund = { line: number; command: ImportCommand; merchant: Target };

/** A page read and charged in memory, waiting for its database transaction. */
interface PreparedPage {
  lines: ImportLine[];
  /** Answers so far, by line: refusals and replays (the charges' come with the write). */
  out: Map<number, NewImportRecord>;
  charged: Extract<SaleOutcome, { charge: unknown }>[];
  /** Sales the core refused (no transaction): counted in the payments metric once written. */
  refusedSales: number;
  refunds: PageRefund[];
  /** Lines whose ExternalID was already in play: processed after this page is written. */
  later: ImportLine[];
  /** The page's (merchant, ExternalID) keys. */
  keys: Set<string>;
  priors: Map<string, PriorTransaction>;
}

/** One run over a file's records: the account's reach, the lines done, the running counts. */
class FileRun {
  done = new Set<number>();
  readonly steps: ImportSteps = { read: 0, charge: 0, write: 0, refunds: 0 };
  private counts = { recordCount: 0, acceptedCount: 0, rejectedCount: 0 };
  private readonly principal;
  private readonly byMerchantId: Map<string, Target>;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly payments: PaymentsService,
    private readonly sales: ImportSales,
    private readonly file: { id: string; organizationId: string },
    private readonly account: Account,
    merchants: Target[],
    private readonly outbox?: OutboxSignal,
  ) {
    this.principal = batchPrincipal(account, merchants);
    this.byMerchantId = new Map(merchants.map((m) => [m.merchantId, m]));
  }

  private get repo() {
    return this.uow.read.batchImports.ofFile(this.file);
  }

  async resume() {
    this.done = await this.repo.doneLines();
    this.counts = await this.repo.tally();
  }

  /**
   * A page of lines, before anything is written (docs/batch-import.md): one lookup of their
   * ExternalIDs, then the Sales through the card rules and the processor, in memory. A record
   * whose ExternalID is in `busy` (the page being written) or earlier in this page waits for a
   * page of its own after this one is written: it is then a replay, or processed alone if the
   * first left nothing.
   */
  async prepare(lines: ImportLine[], busy: Set<string>): Promise<PreparedPage> {
    let mark = performance.now();
    const parsed = lines.map((l) => ({ line: l.line, rec: parseImportRecord(l.text) }));
    const priors = await this.priorsOf(parsed.flatMap((p) => (p.rec.ok ? [p.rec.command] : [])));
    const out = new Map<number, NewImportRecord>();
    const sales: PageSale[] = [];
    const refunds: PageRefund[] = [];
    const later: ImportLine[] = [];
    const keys = new Set<string>();
    parsed.forEach((p, i) => {
      const { line, rec } = p;
      if (!rec.ok) return out.set(line, rejected(line, rec, fieldErrorsText(rec.errors)));
      const c = rec.command;
      const merchant = this.byMerchantId.get(c.merchantId);
      if (!merchant)
        return out.set(
          line,
          rejected(line, c, `MerchantID: merchant ${c.merchantId} is not in this account's scope`),
        );
      const key = `${merchant.id}|${c.externalId}`;
      const prior = priors.get(key);
      if (prior) return out.set(line, replayed(line, c, prior));
      if (keys.has(key) || busy.has(key)) return later.push(lines[i]);
      keys.add(key);
      if (c.action === 'Sale') sales.push({ line, command: c, merchant });
      else refunds.push({ line, command: c, merchant });
    });
    this.steps.read += performance.now() - mark;
    mark = performance.now();
    const outcomes = await this.sales.charge(this.principal, sales);
    this.steps.charge += performance.now() - mark;
    const charged = outcomes.flatMap((o) => ('charge' in o ? [o] : []));
    for (const o of outcomes)
      if ('refused' in o) out.set(o.line, rejected(o.line, o.command, errorTextOf(o.refused)));
    const refusedSales = outcomes.length - charged.length;
    return { lines, out, charged, refusedSales, refunds, later, keys, priors };
  }

  /**
   * A prepared page in ONE database transaction, committed synchronously: its transactions
   * (ON CONFLICT DO NOTHING per merchant and ExternalID), their outbox events, the page's
   * records, the file's counts and an audit entry. A charge another run wrote first is answered
   * with that run's transaction. Then its SimpleRefunds, one by one through
   * `PaymentsService.execute` (so a refund of a sale earlier in the file finds it), and the
   * records that waited for this page.
   */
  async write(page: PreparedPage): Promise<void> {
    let mark = performance.now();
    const { lines, out, charged } = page;
    let inserted = new Set<string>();
    await this.uow.run(
      async (r) => {
        const f = r.batchImports.ofFile(this.file);
        await f.durable();
        inserted = await f.insertCharges(charged.map((o) => o.charge));
        const lost = charged.filter((o) => !inserted.has(o.charge.row.id!));
        // Another run wrote these ExternalIDs first (it has committed: the insert waited for
        // it): its transactions are this page's answers.
        const winners = await f.priorTransactionsOf(
          lost.map((o) => ({ merchantRef: o.charge.row.merchantRef, externalId: o.command.externalId })),
        );
        for (const o of charged) {
          if (inserted.has(o.charge.row.id!)) {
            out.set(o.line, answered(o.line, o.command, o.view, o.charge.row.id));
            continue;
          }
          const winner = winners.get(`${o.charge.row.merchantRef}|${o.command.externalId}`);
          if (!winner) throw new Error('An ExternalID conflict left no transaction behind');
          out.set(o.line, replayed(o.line, o.command, winner));
        }
        const records = [...out.values()];
        await f.addRecords(records);
        this.count(records);
        await f.update(this.counts);
        await r.audit.record({
          ...systemAudit(SystemPrincipal.BatchFiles, {
            organizationId: this.file.organizationId,
            action: 'batch-file.page',
            resource: 'batch-file',
            resourceId: this.file.id,
            changes: {
              lines: [lines[0].line, lines[lines.length - 1].line],
              records: records.length,
              charged: inserted.size,
              replayed: records.filter((x) => x.duplicate).length,
            },
          }),
          actorLabel: accountLabel(this.account),
        });
      },
      { timeoutMs: 5 * 60 * 1000 },
    );
    if (charged.length) this.outbox?.wake(); // committed: their webhook events can go now
    this.countSales(page, inserted);
    this.steps.write += performance.now() - mark;
    mark = performance.now();
    if (page.refunds.length) {
      const done = await this.refundsOf(page.refunds, page.priors);
      await this.repo.addRecords(done);
      this.count(done);
      await this.repo.update(this.counts);
      this.steps.refunds += performance.now() - mark;
    }
    if (page.later.length) await this.write(await this.prepare(page.later, new Set()));
  }

  /**
   * The page's Sales in `conduit_payments_total` (interface `batch`), once committed: those this
   * run wrote, by outcome, and those the core refused. A Sale another run wrote first is that
   * run's to count. (SimpleRefunds count in `PaymentsService.execute`.)
   */
  private countSales(page: PreparedPage, inserted: Set<string>) {
    let approved = 0;
    let declined = 0;
    for (const o of page.charged) {
      if (!inserted.has(o.charge.row.id!)) continue;
      if (outcomeOf(o.view.status) === 'declined') declined++;
      else approved++;
    }
    countPayments('BATCH', 'Sale', 'approved', approved);
    countPayments('BATCH', 'Sale', 'declined', declined);
    countPayments('BATCH', 'Sale', 'refused', page.refusedSales);
  }

  private count(records: NewImportRecord[]) {
    for (const o of records) {
      this.counts.recordCount++;
      if (o.result === 'A') this.counts.acceptedCount++;
      else this.counts.rejectedCount++;
    }
  }

  private async priorsOf(commands: ImportCommand[]) {
    const wanted: { merchantRef: string; externalId: string }[] = [];
    for (const c of commands) {
      const m = this.byMerchantId.get(c.merchantId);
      if (m) wanted.push({ merchantRef: m.id, externalId: c.externalId });
    }
    return this.repo.priorTransactionsOf(wanted);
  }

  /** SimpleRefunds, at most CONCURRENCY at once, each through the core as any transport's. */
  private async refundsOf(
    refunds: PageRefund[],
    priors: Map<string, PriorTransaction>,
  ): Promise<NewImportRecord[]> {
    const out: NewImportRecord[] = new Array(refunds.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < refunds.length; i = next++) out[i] = await this.one(refunds[i], priors);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, refunds.length) }, lane));
    return out;
  }

  private async one(
    { line, command: c, merchant }: PageRefund,
    priors: Map<string, PriorTransaction>,
  ): Promise<NewImportRecord> {
    const prior = priors.get(`${merchant.id}|${c.externalId}`);
    if (prior) return replayed(line, c, prior);
    try {
      const result = await this.payments.execute(this.principal, parsePaymentCommand(paymentInputOf(c)));
      return answered(line, c, result.transaction);
    } catch (err) {
      if (isExternalIdConflict(err)) {
        // Another run charged this ExternalID between our lookup and our insert: its answer is ours.
        const winner = (
          await this.repo.priorTransactionsOf([{ merchantRef: merchant.id, externalId: c.externalId }])
        ).get(`${merchant.id}|${c.externalId}`);
        if (winner) return replayed(line, c, winner);
      }
      if (err instanceof DomainError) return rejected(line, c, errorTextOf(err));
      throw err;
    }
  }
}
