// A single sign-on token for the hosted payment page, then waiting for the payer:
// `node examples/hosted-page.mjs`, open the printed URL, pay with 4111111111111111.
import { Conduit } from '@conduit-payments/sdk';
import { outlet, settings } from './config.mjs';

const conduit = new Conduit(settings);
const token = await conduit.sso.createToken({
  Outlet: outlet,
  TransactionAction: 'Sale',
  Amount: '42.00',
  IsReadOnly: true,
});
console.log(`Open ${token.PageURL} (valid until ${token.ExpiresAt})`);

const outcome = await conduit.sso.waitForCompletion(token.Token, {
  intervalMs: Number(process.env.CONDUIT_POLL_MS ?? 10_000),
  timeoutMs: Number(process.env.CONDUIT_WAIT_MS ?? 900_000),
});
if (outcome.status === 'EXPIRED') console.log('The token expired unused.');
else
  console.log(
    `Paid: ${outcome.transaction?.TransactionID} ${outcome.transaction?.ResponseMessage} ${outcome.transaction?.Amount}`,
  );
