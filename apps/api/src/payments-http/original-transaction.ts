import type { StoredResponse } from '@conduit/db';
import type { OriginalTransaction } from '@conduit/payments';

const WIRE_ID = /^[0-9A-F]{32}$/;

/**
 * The transaction a stored answer is about, named as the caller's interface names it, for the
 * 409 of a different request under a used Idempotency-Key: `TransactionID` on REST,
 * `transactionID` on NVP and SOAP. A plan creation names its down payment's transaction; an
 * answer with no transaction (a plan with no down payment) names none.
 */
export function originalTransactionOf(url: string, stored: StoredResponse): OriginalTransaction | null {
  const id = transactionIdIn(stored);
  if (!id) return null;
  const path = url.split('?')[0].toLowerCase();
  const rest = path === '/rest' || path.startsWith('/rest/');
  return { field: rest ? 'TransactionID' : 'transactionID', id };
}

function transactionIdIn(stored: StoredResponse): string | null {
  const type = stored.contentType.split(';')[0].trim().toLowerCase();
  const found =
    type === 'application/json'
      ? fromJson(stored.body)
      : type === 'application/x-www-form-urlencoded'
        ? fromNvp(stored.body)
        : type.includes('xml')
          ? fromXml(stored.body)
          : null;
  return found && WIRE_ID.test(found) ? found : null;
}

function fromJson(body: string): string | null {
  try {
    const answer = JSON.parse(body) as {
      TransactionID?: unknown;
      Transactions?: { TransactionID?: unknown }[];
    };
    const id = answer.TransactionID ?? answer.Transactions?.[0]?.TransactionID;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

function fromNvp(body: string): string | null {
  const fields = new URLSearchParams(body);
  return fields.get('transactionID') ?? fields.get('transaction1ID');
}

function fromXml(body: string): string | null {
  return /<transactionID>([0-9A-F]{32})<\/transactionID>/.exec(body)?.[1] ?? null;
}
