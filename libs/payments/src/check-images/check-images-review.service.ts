import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, DomainError, Permission, scopeOf } from '@conduit/domain';
import { type CheckImageSideName, UnitOfWork } from '@conduit/db';
import { fromWireId, toWireId } from '../ids';
import { FileVault } from '../settlement/file-vault';

const SIDES: Record<string, CheckImageSideName> = { front: 'FRONT', back: 'BACK' };

/** A check image as the transaction detail lists it; `url` serves the bytes (below). */
export function checkImageRecord(
  transactionWireId: string,
  image: { side: string; contentType: string; size: number },
) {
  return {
    side: image.side as CheckImageSideName,
    contentType: image.contentType,
    size: image.size,
    url: `/admin/api/transactions/${transactionWireId}/check-images/${image.side.toLowerCase()}`,
  };
}

/**
 * Staff viewing a deposited check's images beside its transaction. The read rule is the
 * transaction's own (whoever may read the transaction may see its images, through the same
 * scoped repositories), and every view is audited: a check shows an account number and a
 * signature.
 */
@Injectable()
export class CheckImagesReviewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly vault: FileVault,
  ) {}

  async open(actor: Actor, wireId: string, sideName: string) {
    assertCan(actor, Permission.TRANSACTIONS_READ);
    const id = fromWireId(wireId, 'Transaction');
    const side = SIDES[sideName.toLowerCase()];
    if (!side) throw DomainError.notFound('Check image');
    const repos = this.uow.read.forScope(scopeOf(actor));
    const transaction = await repos.transactions.get(id);
    if (!transaction) throw DomainError.notFound('Transaction');
    const image = await repos.checkImages.get(id, side);
    if (!image) throw DomainError.notFound('Check image');
    // Read whole (at most 1 MiB) so a damaged file is an error before any byte is sent.
    const bytes = await this.vault.readAll(this.uow.read, image.fileRef);
    await this.uow.read.audit.record({
      organizationId: transaction.organizationId,
      actorType: 'user',
      actorId: actor.userId,
      actorLabel: actor.email,
      ip: actor.ip,
      action: 'transaction.check-image.view',
      resource: 'transaction',
      resourceId: toWireId(id),
      changes: { side },
    });
    return { contentType: image.contentType, bytes };
  }
}
