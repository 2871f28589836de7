/** What the hosted page sends the browser back with, to `ConfirmURL`, `CancelURL` or `ReturnURL`. */
export interface HostedPageReturn {
  token?: string;
  transactionId?: string;
  /** `000` approved; another code declined (sso-and-polling.md). */
  responseCode?: string;
  responseMessage?: string;
  relayState?: string;
  /** True when the payer came back with an approval. Check it on your server before you trust it. */
  approved: boolean;
}

/**
 * Reads the query of the page the payer comes back to (`token`, `transactionID`, `respCode`,
 * `respMessage`, `relayState`). The browser can forge it: confirm on your server, with
 * `conduit.sso.status(token)` or `conduit.transactions.get(transactionId)`.
 */
export function parseHostedPageReturn(url: string | URL): HostedPageReturn {
  const params = new URL(url).searchParams;
  const get = (name: string) => params.get(name) ?? undefined;
  const responseCode = get('respCode');
  return {
    token: get('token'),
    transactionId: get('transactionID'),
    responseCode,
    responseMessage: get('respMessage'),
    relayState: get('relayState'),
    approved: responseCode === '000',
  };
}
