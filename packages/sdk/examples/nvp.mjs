// The name-value interface with the account credential: `node examples/nvp.mjs`.
import { Conduit } from '@conduit-payments/sdk';
import { expiration, outlet, settings } from './config.mjs';

const conduit = new Conduit(settings);
const answer = await conduit.nvp.send({
  merchantID: outlet.MerchantID,
  storeID: outlet.StoreID,
  terminalID: outlet.TerminalID,
  transactionType: 'CreditCard',
  transactionAction: 'Sale',
  amount: '25.00',
  cardNumber: '4111111111111111',
  cardExpiration: expiration,
});
console.log(
  `${answer.transactionID}: ${answer.transactionStatus} ${answer.responseCode} ${answer.responseMessage}`,
);
