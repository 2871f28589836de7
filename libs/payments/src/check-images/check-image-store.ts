import { Injectable } from '@nestjs/common';
import type { CheckImages } from '@conduit/domain';
import type { Repositories } from '@conduit/db';
import { newId } from '../ids';
import { FileVault } from '../settlement/file-vault';

/**
 * Writes a check deposit's scanned images: each side a stored file (sealed under the current
 * data key, decision 0022) and a `check_images` row naming it, inside the caller's database
 * transaction, so the eCheck's row and its images commit together or not at all.
 */
@Injectable()
export class CheckImageStore {
  constructor(private readonly vault: FileVault) {}

  async store(
    r: Repositories,
    merchant: { id: string; organizationId: string },
    transactionRef: string,
    images: CheckImages,
  ) {
    const sides = [
      ['FRONT', images.front] as const,
      ...(images.back ? [['BACK', images.back] as const] : []),
    ];
    for (const [side, image] of sides) {
      const stored = await this.vault.store(r, [image.bytes]);
      await r.atMerchant(merchant).checkImages.add({
        id: newId(),
        transactionRef,
        side,
        fileRef: stored.fileRef,
        contentType: image.contentType,
        size: stored.size,
        sha256: stored.sha256,
      });
    }
  }
}
