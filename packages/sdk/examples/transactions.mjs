// Today's transactions of the outlet, every page: `node examples/transactions.mjs`.
import { Conduit } from '@conduit-payments/sdk';
import { outlet, settings } from './config.mjs';

const conduit = new Conduit(settings);
const from = new Date();
from.setUTCHours(0, 0, 0, 0);

let count = 0;
for await (const t of conduit.transactions.list({
  MerchantID: outlet.MerchantID,
  From: from.toISOString(),
  Limit: 50,
})) {
  count++;
  console.log(
    `${t.TransactionDate} ${t.TransactionID} ${t.TransactionAction} ${t.TransactionStatus} ${t.Amount}`,
  );
}
console.log(`${count} transactions since ${from.toISOString()}`);
