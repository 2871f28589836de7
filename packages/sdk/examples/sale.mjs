// A card sale, a decline, and the refund of the sale: `node examples/sale.mjs`.
import { Conduit, ConduitError } from '@conduit-payments/sdk';
import { expiration, outlet, settings } from './config.mjs';

const conduit = new Conduit(settings);

try {
  const sale = await conduit.payments.sale({
    Outlet: outlet,
    Amount: '25.00',
    Card: { EntryMode: 'key', CardNumber: '4111111111111111', Expiration: expiration, CVN: '123' },
    Patient: { PatientID: 'P-1001', FirstName: 'Pat', LastName: 'Doe' },
  });
  console.log(
    `sale ${sale.TransactionID}: ${sale.TransactionStatus} ${sale.ResponseCode} ${sale.ResponseMessage}`,
  );

  // A decline is an answer, not an exception: the sandbox's 4000000000000002 declines 005.
  const declined = await conduit.payments.sale({
    Outlet: outlet,
    Amount: '25.00',
    Card: { EntryMode: 'key', CardNumber: '4000000000000002', Expiration: expiration },
  });
  console.log(`declined: ${declined.TransactionStatus} ${declined.ResponseCode} ${declined.ResponseMessage}`);

  const refund = await conduit.payments.simpleRefund({
    Outlet: outlet,
    TransactionID: sale.TransactionID,
    Amount: '5.00',
  });
  console.log(`refund ${refund.TransactionID}: ${refund.ResponseCode} ${refund.ResponseMessage}`);
} catch (err) {
  if (!(err instanceof ConduitError)) throw err;
  console.error(
    `error ${err.status} ${err.code}: ${err.message}${err.referenceNumber ? ` (reference ${err.referenceNumber})` : ''}`,
  );
  for (const e of err.errors) console.error(`  ${e.field}: ${e.message}`);
  process.exitCode = 1;
}
