import { Injectable } from '@nestjs/common';
import { PLATFORM_SCOPE } from '@conduit/domain';
import {
  type MerchantRepositories,
  type MerchantRow,
  type PostingRow,
  type Repositories,
  UnitOfWork,
} from '@conduit/db';
import {
  Era835Writer,
  eraFileName,
  type PostingBatch,
  PostingFileWriter,
  type PostingItem,
  postingFileName,
} from '@conduit/wire';
import { toWireId } from '../ids';
import { GatewayFilesService } from '../batch/gateway-files.service';
import { FileVault } from './file-vault';
import { SystemPrincipal, systemAudit } from './system-principal';

const PAGE = 2000;
type Kind = 'POSTING' | 'ERA_835';

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

/** One file's renderer behind one interface: header, a record per item, trailer. */
function rendererOf(kind: Kind, header: PostingBatch) {
  if (kind === 'POSTING') {
    const w = new PostingFileWriter(header);
    return { head: () => '', item: (p: PostingItem) => w.record(p), tail: () => w.trailer() };
  }
  const w = new Era835Writer(header);
  return { head: () => w.header(), item: (p: PostingItem) => w.claim(p), tail: () => w.trailer() };
}

/**
 * End-of-day posting files of a closed batch (batch-files.md): `POSTING_<MerchantID>_<date>.txt`
 * always, and the X12 835 where the merchant enables it. Both are rendered in one pass over the
 * batch's settled items, in keyset pages (bounded memory for any batch size), stored encrypted,
 * and recorded with their batch-files rows in one database transaction; files that exist are not
 * rendered again, so the job is safe to replay.
 */
@Injectable()
export class PostingFilesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly vault: FileVault,
    private readonly gatewayFiles: GatewayFilesService,
  ) {}

  async render(batchRef: string): Promise<{ written: string[] }> {
    const batch = await this.uow.read.forScope(PLATFORM_SCOPE).settlements.get(batchRef);
    if (!batch || batch.status === 'OPEN' || !batch.businessDate) return { written: [] };
    const merchant = await this.uow.read.settlementSchedule.merchant(batch.merchantRef);
    if (!merchant) return { written: [] };
    const wanted: Kind[] = merchant.era835Enabled ? ['POSTING', 'ERA_835'] : ['POSTING'];
    const written = await this.uow.run(
      async (r) => {
        const at = r.atMerchant(merchant);
        await at.settlement.lock();
        const kinds: Kind[] = [];
        for (const kind of wanted) if (!(await at.batchFiles.exists(batch.id, kind))) kinds.push(kind);
        if (!kinds.length) return [];
        const header = (kind: Kind, controlNumber: number): PostingBatch => ({
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
          controlNumber: kind === 'ERA_835' ? controlNumber : 1,
        });
        const control = await at.batchFiles.nextControlNumber();
        const files = await Promise.all(
          kinds.map(async (kind) => ({
            kind,
            header: header(kind, control),
            renderer: rendererOf(kind, header(kind, control)),
            file: await this.vault.create(r),
          })),
        );
        for (const f of files) await f.file.write(f.renderer.head());
        await this.eachPage(at, batch.id, async (items) => {
          for (const f of files) await f.file.write(items.map(f.renderer.item).join(''));
        });
        const names: string[] = [];
        for (const f of files) {
          await f.file.write(f.renderer.tail());
          const stored = await f.file.close();
          names.push(await this.record(r, at, merchant, batch, f.kind, f.header, stored));
        }
        return names;
      },
      { timeoutMs: 10 * 60 * 1000 },
    );
    return { written };
  }

  private async eachPage(
    at: MerchantRepositories,
    batchRef: string,
    fn: (items: PostingItem[]) => Promise<void>,
  ) {
    let after: string | null = null;
    for (;;) {
      const page = await at.settlement.postingPage(batchRef, after, PAGE);
      if (!page.length) return;
      await fn(page.map(postingItemOf));
      if (page.length < PAGE) return;
      after = page[page.length - 1].transactionId;
    }
  }

  private async record(
    r: Repositories,
    at: MerchantRepositories,
    merchant: MerchantRow,
    batch: { id: string; batchId: string },
    kind: Kind,
    header: PostingBatch,
    stored: { fileRef: string; size: number },
  ) {
    const name =
      kind === 'POSTING'
        ? postingFileName(merchant.merchantId, header.businessDate)
        : eraFileName(merchant.merchantId, header.businessDate);
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
      size: BigInt(stored.size),
      fileRef: stored.fileRef,
    });
    // batch-files.md: the file appears in /outbound of every SFTP account scoped to the merchant.
    const accounts = await this.gatewayFiles.publishForMerchant(r, merchant.id, {
      name,
      fileRef: stored.fileRef,
      size: stored.size,
      batchFileRef: stored.fileRef,
    });
    await r.audit.record(
      systemAudit(SystemPrincipal.Settlement, {
        organizationId: merchant.organizationId,
        action: 'batch-file.create',
        resource: 'batch-file',
        resourceId: stored.fileRef,
        changes: { name, kind, settlementBatchId: batch.batchId, size: stored.size, accounts },
      }),
    );
    return name;
  }
}
