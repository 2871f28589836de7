import { Inject, Injectable } from '@nestjs/common';
import { type Actor, assertCan, DomainError, ErrorCode, Permission, scopeOf } from '@conduit/domain';
import { type DisputeRow, type ListQuery, UnitOfWork } from '@conduit/db';
import type { ProcessorConnector } from '@conduit/processor';
import { DataKeys } from '../data-keys.service';
import { fromWireId, newId, toWireId } from '../ids';
import { PROCESSOR } from '../processor.token';
import { FileVault } from './file-vault';
import { disputeRecord } from './settlement-views';

/** A dispute response as the edge parsed it: text and files, each file at most 5 MiB. */
export interface DisputeResponseCommand {
  text: string | null;
  files: { fileName: string; contentType: string; bytes: Buffer }[];
}

export const MAX_EVIDENCE_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 5;

const textContext = (evidenceId: string) => `dispute-evidence:${evidenceId}`;

/**
 * Disputes of chargebacks (settlement.md): read by finance and practice admins, answered once
 * with evidence before the due date. Evidence text is encrypted like any other secret at rest
 * (it may name the patient); files go to the file vault.
 */
@Injectable()
export class DisputesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataKeys: DataKeys,
    private readonly vault: FileVault,
    @Inject(PROCESSOR) private readonly processor: ProcessorConnector,
  ) {}

  private repos(actor: Actor) {
    assertCan(actor, Permission.DISPUTES_READ);
    return this.uow.read.forScope(scopeOf(actor));
  }

  private async record(row: DisputeRow) {
    const texts = new Map<string, string>();
    for (const e of row.evidence) {
      if (!e.textCipher || !e.textKeyId) continue;
      const key = await this.uow.read.dataKeys.get(e.textKeyId);
      if (key) texts.set(e.id, this.dataKeys.decrypt(key, e.textCipher, textContext(e.id)));
    }
    return disputeRecord(row, (e) => texts.get(e.id) ?? null);
  }

  async list(actor: Actor, query: ListQuery) {
    const { rows, total } = await this.repos(actor).disputes.list(query);
    // The list shows no evidence text: only the detail page decrypts it.
    return { rows: rows.map((r) => disputeRecord(r, () => null)), total };
  }

  async get(actor: Actor, wireId: string) {
    const row = await this.repos(actor).disputes.get(fromWireId(wireId, 'Dispute'));
    if (!row) throw DomainError.notFound('Dispute');
    return this.record(row);
  }

  async evidenceFile(actor: Actor, wireId: string, evidenceWireId: string) {
    const row = await this.repos(actor).disputes.get(fromWireId(wireId, 'Dispute'));
    const evidenceId = fromWireId(evidenceWireId, 'Evidence');
    const e = row?.evidence.find((x) => x.id === evidenceId);
    if (!e?.fileRef) throw DomainError.notFound('Evidence file');
    return {
      fileName: e.fileName ?? 'evidence',
      contentType: e.contentType ?? 'application/octet-stream',
      content: this.vault.read(this.uow.read, e.fileRef),
    };
  }

  /** Submits the response: NEEDS_RESPONSE → UNDER_REVIEW, once, before the due date. */
  async respond(actor: Actor, wireId: string, cmd: DisputeResponseCommand, now = new Date()) {
    assertCan(actor, Permission.DISPUTES_RESPOND);
    const found = await this.repos(actor).disputes.get(fromWireId(wireId, 'Dispute'));
    if (!found) throw DomainError.notFound('Dispute');
    if (!cmd.text && !cmd.files.length)
      throw DomainError.validation([{ field: 'text', message: 'Give evidence text, files, or both' }]);
    await this.uow.run(
      async (r) => {
        const at = r.atMerchant({ id: found.merchantRef, organizationId: found.organizationId });
        const d = await at.disputes.forUpdate(found.id);
        if (!d) throw DomainError.notFound('Dispute');
        if (d.status !== 'NEEDS_RESPONSE')
          throw new DomainError(
            ErrorCode.ILLEGAL_STATE,
            `Dispute is ${d.status.toLowerCase().replace('_', ' ')}; its response was already submitted`,
          );
        if (now > d.dueAt)
          throw new DomainError(ErrorCode.ILLEGAL_STATE, `The response was due by ${d.dueAt.toISOString()}`);
        const by = actor.email;
        if (cmd.text) {
          const key = await this.dataKeys.current(r);
          const id = newId();
          const sealed = this.dataKeys.encrypt(key, cmd.text, textContext(id));
          await at.disputes.addEvidence({
            id,
            disputeRef: d.id,
            kind: 'TEXT',
            textCipher: new Uint8Array(sealed),
            textKeyId: key.id,
            createdBy: by,
          });
        }
        for (const f of cmd.files) {
          const stored = await this.vault.store(r, [f.bytes]);
          await at.disputes.addEvidence({
            id: newId(),
            disputeRef: d.id,
            kind: 'FILE',
            fileRef: stored.fileRef,
            fileName: f.fileName,
            contentType: f.contentType,
            size: f.bytes.length,
            createdBy: by,
          });
        }
        await at.disputes.submit(d.id, now);
        await r.audit.record({
          organizationId: d.organizationId,
          actorType: 'user',
          actorId: actor.userId,
          actorLabel: actor.email,
          ip: actor.ip,
          action: 'dispute.respond',
          resource: 'dispute',
          resourceId: d.disputeId,
          changes: {
            from: 'NEEDS_RESPONSE',
            to: 'UNDER_REVIEW',
            files: cmd.files.length,
            text: Boolean(cmd.text),
          },
        });
        // Inside the transaction: if the processor does not take the response, nothing changes.
        const readable = cmd.files
          .filter((f) => f.contentType.startsWith('text/'))
          .map((f) => f.bytes.toString('utf8'));
        await this.processor.respondToDispute({
          merchantId: d.merchant.merchantId,
          reference: d.transaction.processorReference ?? toWireId(d.transactionId),
          evidenceText: [cmd.text ?? '', ...readable].join('\n'),
        });
      },
      { timeoutMs: 60_000 },
    );
    return this.get(actor, wireId);
  }
}
