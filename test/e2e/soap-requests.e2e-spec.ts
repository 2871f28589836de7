import { describe, expect, inject, it } from 'vitest';
import { DEMO } from './client';
import { CARDS, FUTURE, LAKESIDE_NVP } from './payments-client';

const api = () => inject('apiUrl');
const NS = 'https://schemas.conduit.health/2026/payment';

function sale(declaration: string, fields: Record<string, string>) {
  const request = Object.entries({
    merchantID: DEMO.lakeside.merchantId,
    storeID: '001',
    terminalID: '002',
    cardNumber: CARDS.visa,
    cardExpiration: FUTURE,
    ...fields,
  })
    .map(([k, v]) => `<${k}>${v}</${k}>`)
    .join('');
  return `${declaration}<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><DoCreditCardSale xmlns="${NS}"><Request>${request}</Request></DoCreditCardSale></soap:Body></soap:Envelope>`;
}

async function post(body: Buffer | string, headers: Record<string, string> = {}) {
  const res = await fetch(`${api()}/payment/service.asmx`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml', authorization: LAKESIDE_NVP, ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const field = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

/** soap.md request encodings and rest.md idempotency on the SOAP interface, with raw bytes. */
describe('SOAP request encodings and idempotency', () => {
  it('decodes ISO-8859-1, windows-1252 and UTF-16 requests as declared', async () => {
    const name = 'José Müller';
    const bodies: [string, Buffer, Record<string, string>][] = [
      [
        'xml declaration',
        Buffer.from(
          sale('<?xml version="1.0" encoding="ISO-8859-1"?>', { cardHolderName: name, amount: '2.01' }),
          'latin1',
        ),
        {},
      ],
      [
        'charset',
        Buffer.from(sale('', { cardHolderName: name, amount: '2.02' }), 'latin1'),
        { 'content-type': 'text/xml; charset=windows-1252' },
      ],
      [
        'UTF-16 with BOM',
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(
            sale('<?xml version="1.0" encoding="UTF-16"?>', { cardHolderName: name, amount: '2.03' }),
            'utf16le',
          ),
        ]),
        {},
      ],
    ];
    for (const [label, bytes, headers] of bodies) {
      const res = await post(bytes, headers);
      expect(res.status, `${label}: ${res.text}`).toBe(200);
      expect(field(res.text, 'responseCode'), label).toBe('000');
      const receipt = await post(
        `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ViewReceipt xmlns="${NS}"><Request><merchantID>${DEMO.lakeside.merchantId}</merchantID><storeID>001</storeID><terminalID>002</terminalID><transactionID>${field(res.text, 'transactionID')}</transactionID></Request></ViewReceipt></soap:Body></soap:Envelope>`,
        { 'content-type': 'text/xml; charset=utf-8' },
      );
      expect(field(receipt.text, 'cardHolderName'), label).toBe(name);
    }
  });

  it('answers an unsupported encoding or bytes invalid in the declared one with a Client fault', async () => {
    const unknown = await post(
      Buffer.from(sale('<?xml version="1.0" encoding="X-EBCDIC-FANTASY"?>', { amount: '1.00' })),
    );
    expect(unknown.status).toBe(500);
    expect(unknown.text).toContain('soap:Client');
    expect(unknown.text).toMatch(
      /Encoding &quot;x-ebcdic-fantasy&quot; is not supported|Encoding "x-ebcdic-fantasy" is not supported/,
    );
    const broken = await post(Buffer.from(sale('', { cardHolderName: 'José', amount: '1.00' }), 'latin1'), {
      'content-type': 'text/xml; charset=utf-8',
    });
    expect(broken.status).toBe(500);
    expect(broken.text).toMatch(/not valid utf-8/);
  });

  it('replays a sale sent again with the same Idempotency-Key, byte for byte, and moves no money', async () => {
    const key = `soap-${Date.now()}`;
    const body = sale('<?xml version="1.0"?>', { amount: '4.44' });
    const first = await post(body, { 'idempotency-key': key });
    expect(field(first.text, 'responseCode')).toBe('000');
    const again = await post(body, { 'idempotency-key': key });
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await post(sale('<?xml version="1.0"?>', { amount: '5.55' }), { 'idempotency-key': key });
    expect(other.text).toContain('soap:Client');
    expect(other.text).not.toContain('<transactionID>');
    expect(other.text).toContain('<ErrorCode>409</ErrorCode>');
    // The fault names the transaction the key already made, as SOAP names it (decision 0030).
    expect(field(first.text, 'transactionID')).toMatch(/^[0-9A-F]{32}$/);
    expect(other.text).toContain(`it made transactionID ${field(first.text, 'transactionID')}`);
  });

  it('takes the key from idempotencyKey in the Request too', async () => {
    const body = sale('', { amount: '6.66', idempotencyKey: `soap-field-${Date.now()}` });
    const first = await post(body);
    const again = await post(body);
    expect(field(again.text, 'transactionID')).toBe(field(first.text, 'transactionID'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});
