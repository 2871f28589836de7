import { Injectable } from '@nestjs/common';
import { PLATFORM_SCOPE } from '@conduit/domain';
import { type MerchantRepositories, type PostingRow, UnitOfWork } from '@conduit/db';
import {
  Era835Writer,
  eraFileName,
  type PostingBatch,
  PostingFileWriter,
  type PostingItem,
  postingFileName,
} from '@conduit/wire';
import { toWireId } from '../ids';
import { FileVault } from './file-vault';
import { SystemPrincipal, systemAudit } from './system-principal';

const PAGE = 2000;

function postingItemOf(i: PostingRow): PostingItem {
  return {
    merchantId: i.merchantId,
    storeId: i.storeId,
    terminalId: i.terminalId,
    tender: i.tender as PostingItem['tender'],
    kind: i.kind as PostingItem['kind'],
    amountCents: Number(i.amountCents),
    cardType: i.brand,
    transactionId: toWireId(i.transactionId),
    authorizationNumber: i.authorizationNumber,
    transactionDate: i.transactionDate,
    statusCode: i.status,
    patientId: i.patientId,
    patientFirstName: i.patientFirstName,
    patientLastName: i.patientLastName,
    additionalInfo: i.additionalInfo,
    responseCode: i.responseCode,
    responseMessage: i.responseMessage,
  };
}

/**
 * End-of-day posting files of a closed batch (batch-files.md): `POSTING_<MerchantID>_<date>.txt`
 * always, and the X12 835 where the merchant enables it. Each file is rendered from the batch's
 * settled items in keyset pages (bounded memory for any batch size), stored encrypted, and
 * recorded with its batch-files row in one database transaction; a file that exists is not
 * rendered again, so the job is safe to replay.
 */
@Injectable()
export class PostingFilesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly vault: FileVault,
  ) {}

  async render(batchRef: string): Promise<{ written: string[] }> {
    const batch = await this.uow.read.forScope(PLATFORM_SCOPE).settlements.get(batchRef);
    if (!batch || batch.status === 'OPEN' || !batch.businessDate) return { written: [] };
    const merchant = await this.uow.read.settlementSchedule.merchant(batch.merchantRef);
    if (!merchant) return { written: [] };
    const kinds: ('POSTING' | 'ERA_835')[] = merchant.era835Enabled ? ['POSTING', 'ERA_835'] : ['POSTING'];
    const written: string[] = [];
    for (const kind of kinds) {
      const name = await this.uow.run(
        async (r) => {
          const at = r.atMerchant(merchant);
          await at.settlement.lock();
          if (await at.batchFiles.exists(batch.id, kind)) return null;
          const header: PostingBatch = {
            merchantId: merchant.merchantId,
            merchantName: merchant.name,
            settlementBatchId: batch.batchId,
            businessDate: batch.businessDate!,
            timeZone: batch.timeZone,
            closedAt: batch.closedAt ?? new Date(),
            itemCount: batch.itemCount - batch.errorCount,
            itemsNetCents: Number(batch.netCents) + Number(batch.feeCents),
            feeCents: Number(batch.feeCents),
            depositDate: batch.depositDate ?? batch.businessDate!,
            controlNumber: kind === 'ERA_835' ? await at.batchFiles.nextControlNumber() : 1,
          };
          const name =
            kind === 'POSTING'
              ? postingFileName(merchant.merchantId, header.businessDate)
              : eraFileName(merchant.merchantId, header.businessDate);
          const stored = await this.vault.store(r, this.lines(at, batch.id, kind, header));
          await at.batchFiles.create({
            id: stored.fileRef,
            direction: 'OUTBOUND',
            kind,
            name,
            status: 'READY',
            batchRef: batch.id,
            businessDate: header.businessDate,
            recordCount: header.itemCount,
            netCents: BigInt(header.itemsNetCents),
            fileRef: stored.fileRef,
          });
          await r.audit.record(
            systemAudit(SystemPrincipal.Settlement, {
              organizationId: merchant.organizationId,
              action: 'batch-file.create',
              resource: 'batch-file',
              resourceId: stored.fileRef,
              changes: { name, kind, settlementBatchId: batch.batchId, size: stored.size },
            }),
          );
          return name;
        },
        { timeoutMs: 10 * 60 * 1000 },
      );
      if (name) written.push(name);
    }
    return { written };
  }

  /** The file's lines, rendered page by page as the vault consumes them. */
  private async *lines(
    at: MerchantRepositories,
    batchRef: string,
    kind: 'POSTING' | 'ERA_835',
    header: PostingBatch,
  ) {
    const posting = kind === 'POSTING' ? new PostingFileWriter(header) : null;
    const era = kind === 'ERA_835' ? new Era835Writer(header) : null;
    if (era) yield era.header();
    let after: string | null = null;
    for (;;) {
      const page = await at.settlement.postingPage(batchRef, after, PAGE);
      if (!page.length) break;
      let chunk = '';
      for (const item of page) {
        const p = postingItemOf(item);
        chunk += posting ? posting.record(p) : era!.claim(p);
      }
      yield chunk;
      after = page[page.length - 1].transactionId;
      if (page.length < PAGE) break;
    }
    yield posting ? posting.trailer() : era!.trailer();
  }
}
