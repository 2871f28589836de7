import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request (or per-job) context: the correlation ID every log line carries. */
export interface RequestContext {
  correlationId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentCorrelationId(): string | undefined {
  return requestContext.getStore()?.correlationId;
}
