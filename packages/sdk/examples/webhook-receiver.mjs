// A webhook receiver that verifies every delivery before trusting it:
// CONDUIT_WEBHOOK_SECRET=whsec_… node examples/webhook-receiver.mjs  (then point an endpoint at
// http://<this host>:4242/conduit). During a secret rotation list both, comma-separated.
import http from 'node:http';
import { ConduitError, verifyWebhook } from '@conduit-payments/sdk';

const secrets = (process.env.CONDUIT_WEBHOOK_SECRET ?? '').split(',').filter(Boolean);
if (secrets.length === 0)
  throw new Error('Set CONDUIT_WEBHOOK_SECRET to the endpoint signing secret (whsec_…)');
const port = Number(process.env.PORT ?? 4242);

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        // The exact bytes received: parse nothing before the signature is checked.
        const event = await verifyWebhook(Buffer.concat(chunks), req.headers, secrets);
        console.log(
          `${event.EventType} ${event.PaymentTransactionID ?? event.PaymentPlanID} ${event.Amount ?? ''}`,
        );
        res.writeHead(204).end();
      } catch (err) {
        if (!(err instanceof ConduitError)) throw err;
        console.error(`refused: ${err.message}`);
        res.writeHead(400).end();
      }
    });
  })
  .listen(port, () => console.log(`listening on http://localhost:${port}/conduit`));
