import { Injectable } from '@nestjs/common';
import { BatchImportService } from '@conduit/payments';
import { JobName, type JobPayloads } from '@conduit/queues';
import type { JobHandler } from '../jobs/job-handler';

/** An uploaded payment import file: its records charged once each, then its acknowledgement. */
@Injectable()
export class ImportBatchFileHandler implements JobHandler<JobName.IMPORT_BATCH_FILE> {
  readonly jobName = JobName.IMPORT_BATCH_FILE;

  constructor(private readonly imports: BatchImportService) {}

  handle(data: JobPayloads[JobName.IMPORT_BATCH_FILE]) {
    return this.imports.process(data.batchFileId);
  }
}
