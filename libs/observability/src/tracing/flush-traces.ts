import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { stopTracing } from './start-tracing';

/** Exports the spans still buffered when the app stops (a no-op with tracing off). */
@Injectable()
export class FlushTraces implements OnApplicationShutdown {
  onApplicationShutdown() {
    return stopTracing();
  }
}
