import { Injectable } from '@nestjs/common';
import { PostingFilesService } from '@conduit/payments';
import { JobName, type JobPayloads } from '@conduit/queues';
import type { JobHandler } from '../jobs/job-handler';

/** Writes a closed batch's posting files that do not exist yet (the sweep's catch-up). */
@Injectable()
export class RenderPostingFilesHandler implements JobHandler<JobName.RENDER_POSTING_FILES> {
  readonly jobName = JobName.RENDER_POSTING_FILES;

  constructor(private readonly postingFiles: PostingFilesService) {}

  handle(data: JobPayloads[JobName.RENDER_POSTING_FILES]) {
    return this.postingFiles.render(data.batchRef);
  }
}
