import type { Repositories } from '@conduit/db';

/**
 * Where a completed upload to /inbound goes: the payments core's import (an IMPORT batch file,
 * processed by the worker). `receive` runs inside the transaction that makes the file visible;
 * `enqueue` after it commits (a sweep re-enqueues what a crash between the two left behind).
 */
export interface InboundFiles {
  receive(
    r: Repositories,
    input: { account: { id: string; organizationId: string }; name: string; fileRef: string; size: number },
  ): Promise<{ batchFileId: string }>;
  enqueue(batchFileId: string): Promise<void>;
}

export const INBOUND_FILES = Symbol('INBOUND_FILES');
