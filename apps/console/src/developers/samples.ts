/**
 * Copyable samples for the Developers page; `{base}` is the platform's public URL. Titles are
 * i18n keys (en.ts `conduit.developers.samples`); the code itself is not translated.
 * scripts/console/developer-samples.spec.ts runs both webhook receivers against bodies signed
 * by the platform's own signer, in all three formats.
 */
export interface Sample {
  /** Stable id, also the i18n key under `conduit.developers.samples`. */
  id: string;
  section: 'payments' | 'hosted_page' | 'webhooks';
  language: 'shell' | 'javascript' | 'python' | 'xml';
  body: string;
}

const REST_AUTH = `-H 'Api-Key: ak_test_…' -H 'Api-Secret: sk_test_…'`;

export const NODE_RECEIVER = `// Node 18+, no dependencies. Verify the Standard Webhooks signature over the exact body
// bytes first, then read the fields: JSON, XML and NVP bodies carry the same names.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

const SECRET = process.env.WEBHOOK_SECRET; // whsec_… shown once when the endpoint was created
const TOLERANCE_SECONDS = 5 * 60; // refuse replays of old deliveries

export function verifyWebhook(secret, headers, body) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  if (!id || !/^\\d+$/.test(timestamp ?? '')) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(\`\${id}.\${timestamp}.\`).update(body).digest();
  // While a secret is being rotated the header holds two signatures: either one may match.
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .some((signature) => {
      const [version, mac = ''] = signature.split(',');
      const given = Buffer.from(mac, 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

const XML_ENTITIES = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };

export function webhookFields(contentType, body) {
  const text = body.toString('utf8');
  if (contentType.startsWith('application/json')) return JSON.parse(text);
  if (contentType.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  // XML: <PaymentTransaction> with one child element per field.
  return Object.fromEntries(
    [...text.matchAll(/<(\\w+)>([^<]*)<\\/\\1>/g)].map(([, name, value]) => [
      name,
      value.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => XML_ENTITIES[entity]),
    ]),
  );
}

createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (!verifyWebhook(SECRET, req.headers, body)) return res.writeHead(401).end();
    const event = webhookFields(req.headers['content-type'] ?? '', body);
    // Delivery is at least once: skip a webhook-id you have already handled.
    console.log(event.EventType, event.PaymentTransactionID, req.headers['webhook-id']);
    res.writeHead(204).end();
  });
}).listen(Number(process.env.PORT ?? 8080));
`;

export const PYTHON_RECEIVER = `# Python 3.9+, standard library only. Verify the Standard Webhooks signature over the exact
# body bytes first, then read the fields: JSON, XML and NVP bodies carry the same names.
import base64, hashlib, hmac, json, os, time
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qsl
from xml.etree import ElementTree

SECRET = os.environ["WEBHOOK_SECRET"]  # whsec_... shown once when the endpoint was created
TOLERANCE_SECONDS = 5 * 60  # refuse replays of old deliveries


def verify_webhook(secret, headers, body):
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp", "")
    if not msg_id or not timestamp.isdigit() or abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    mac = hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    expected = base64.b64encode(mac).decode()
    # While a secret is being rotated the header holds two signatures: either one may match.
    return any(
        version == "v1" and hmac.compare_digest(given, expected)
        for version, _, given in (s.partition(",") for s in headers.get("webhook-signature", "").split())
    )


def webhook_fields(content_type, body):
    if content_type.startswith("application/json"):
        return json.loads(body)
    if content_type.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(body.decode()))
    # XML: <PaymentTransaction> with one child element per field.
    return {child.tag: child.text or "" for child in ElementTree.fromstring(body)}


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if not verify_webhook(SECRET, self.headers, body):
            self.send_response(401)
            self.end_headers()
            return
        event = webhook_fields(self.headers.get("Content-Type", ""), body)
        # Delivery is at least once: skip a webhook-id you have already handled.
        print(event["EventType"], event.get("PaymentTransactionID"), self.headers["webhook-id"], flush=True)
        self.send_response(204)
        self.end_headers()


HTTPServer(("", int(os.environ.get("PORT", "8080"))), Receiver).serve_forever()
`;

export const SAMPLES: Sample[] = [
  {
    id: 'nvp_sale',
    section: 'payments',
    language: 'shell',
    body: `curl -u 'billing@your-org:PASSWORD' {base}/payment/NVP.aspx \\
  -d merchantID=6011000551245 -d storeID=001 -d terminalID=002 \\
  -d transactionType=CreditCard -d transactionAction=Sale -d amount=25.00 \\
  -d cardNumber=4111111111111111 -d cardExpiration=12/29`,
  },
  {
    id: 'rest_sale',
    section: 'payments',
    language: 'shell',
    body: `curl {base}/rest/payment/sale ${REST_AUTH} \\
  -H 'Content-Type: application/json' -d '{
  "Outlet": { "MerchantID": "6011000551245", "StoreID": "001", "TerminalID": "002" },
  "Amount": "25.00",
  "Card": { "CardNumber": "4111111111111111", "Expiration": "12/29" }
}'`,
  },
  {
    id: 'soap_sale',
    section: 'payments',
    language: 'xml',
    body: `curl -u 'billing@your-org:PASSWORD' {base}/payment/service.asmx \\
  -H 'Content-Type: text/xml; charset=utf-8' \\
  -H 'SOAPAction: "https://schemas.conduit.health/2026/payment/DoCreditCardSale"' -d '
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
 <DoCreditCardSale xmlns="https://schemas.conduit.health/2026/payment"><Request>
  <merchantID>6011000551245</merchantID><storeID>001</storeID><terminalID>002</terminalID>
  <amount>25.00</amount><cardNumber>4111111111111111</cardNumber><cardExpiration>12/29</cardExpiration>
 </Request></DoCreditCardSale></soap:Body></soap:Envelope>'`,
  },
  {
    id: 'rest_sso',
    section: 'hosted_page',
    language: 'shell',
    body: `# 1. Create a token: single use, valid for 15 minutes.
curl {base}/rest/sso/token ${REST_AUTH} \\
  -H 'Content-Type: application/json' -d '{
  "Outlet": { "MerchantID": "6011000551245", "StoreID": "001", "TerminalID": "002" },
  "Amount": "25.00",
  "Patient": { "PatientID": "P-1001", "FirstName": "Ada", "LastName": "Lovelace" },
  "ReturnURL": "https://your-app.example/paid"
}'
# → { "Token": "…", "PageURL": "{base}/providers/Form/PatientPayments/NewPaymentSimpleSSO?token=…",
#     "ExpiresAt": "…", "ResponseCode": "000", "ResponseMessage": "Success" }

# 2. Send the patient to PageURL. Then poll every 10 seconds while Status is NEW:
#    COMPLETE carries the TransactionID; EXPIRED means nobody paid within 15 minutes.
TOKEN=…   # the Token from step 1
while :; do
  STATUS=$(curl -s {base}/rest/sso/token/$TOKEN/status ${REST_AUTH})
  echo "$STATUS"   # { "Status": "NEW" | "COMPLETE" | "EXPIRED", "TransactionID": …, "ExpiresAt": "…" }
  case "$STATUS" in *'"NEW"'*) sleep 10 ;; *) break ;; esac
done`,
  },
  {
    id: 'nvp_sso',
    section: 'hosted_page',
    language: 'shell',
    body: `curl -u 'billing@your-org:PASSWORD' {base}/sso \\
  -d merchantID=6011000551245 -d storeID=001 -d terminalID=002 -d amount=25.00 \\
  -d returnURL=https://your-app.example/paid -d responseActionType=header`,
  },
  { id: 'node_receiver', section: 'webhooks', language: 'javascript', body: NODE_RECEIVER },
  { id: 'python_receiver', section: 'webhooks', language: 'python', body: PYTHON_RECEIVER },
];

export const SECTIONS: Sample['section'][] = ['payments', 'hosted_page', 'webhooks'];
