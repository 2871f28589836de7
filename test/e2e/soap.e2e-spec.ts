import * as soap from 'soap';
import { describe, expect, inject, it } from 'vitest';
import { sample270 } from '@conduit/wire';
import { DEMO } from './client';
import { CARDS, FUTURE, LAKESIDE_NVP } from './payments-client';

const api = () => inject('apiUrl');
const OUTLET = { merchantID: DEMO.lakeside.merchantId, storeID: '001', terminalID: '002' };
type Result = Record<string, string>;

/** A client generated from the WSDL alone by the `soap` npm package (nobody on the team wrote it). */
async function client(path: string, soap12: boolean) {
  const c = await soap.createClientAsync(`${api()}${path}?wsdl`, { forceSoap12Headers: soap12 });
  c.setEndpoint(`${api()}${path}`);
  c.setSecurity(new soap.BasicAuthSecurity(DEMO.lakeside.account.identifier, DEMO.lakeside.account.password));
  return c;
}

async function op(c: soap.Client, name: string, request: Record<string, string>): Promise<Result> {
  const fn = c[`${name}Async`] as (args: unknown) => Promise<[Record<string, Result>]>;
  const [out] = await fn({ Request: request });
  return out[`${name}Result`];
}

async function raw(path: string, body: string, contentType = 'text/xml; charset=utf-8') {
  const res = await fetch(`${api()}${path}`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: LAKESIDE_NVP },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** soap.md: both SOAP versions, every payment operation, faults and a hardened parser. */
describe.each([
  ['SOAP 1.1', false],
  ['SOAP 1.2', true],
])('SOAP services (%s)', (_label, soap12) => {
  it('runs every payment operation through a client generated from the WSDL', async () => {
    const c = await client('/payment/service.asmx', soap12);
    const card = { ...OUTLET, cardNumber: CARDS.visa, cardExpiration: FUTURE };
    const sale = await op(c, 'DoCreditCardSale', { ...card, amount: '11.00', patientID: 'SOAP-1' });
    expect(sale).toMatchObject({
      responseCode: '000',
      transactionStatus: 'C',
      amount: '11.00',
      lastFourDigits: '1111',
    });
    const auth = await op(c, 'DoCreditCardAuthorization', { ...card, amount: '20.00' });
    expect(auth.transactionStatus).toBe('A');
    const capture = await op(c, 'DoCreditCardCapture', {
      ...OUTLET,
      primaryTransactionID: auth.transactionID,
      amount: '20.00',
    });
    expect(capture.responseCode).toBe('000');
    const refund = await op(c, 'DoCreditCardSecondarySimpleRefund', {
      ...OUTLET,
      primaryTransactionID: sale.transactionID,
      amount: '1.00',
    });
    expect(refund.responseCode).toBe('000');
    const other = await op(c, 'DoCreditCardSale', { ...card, amount: '3.00' });
    const voided = await op(c, 'DoCreditCardSecondaryVoid', {
      ...OUTLET,
      primaryTransactionID: other.transactionID,
    });
    expect(voided.responseCode).toBe('000');
    const saved = await op(c, 'DoCreditCardSaveOnFile', card);
    expect(saved.paymentMethodID).toMatch(/^[0-9A-F]{32}$/);
    const check = await op(c, 'DoECheckSale', {
      ...OUTLET,
      amount: '7.00',
      routingNumber: '011000015',
      accountNumber: '1234567890',
      accountType: 'Checking',
      accountHolderName: 'Pat Doe',
    });
    expect(check.responseCode).toBe('000');
    const receipt = await op(c, 'ViewReceipt', { transactionID: sale.transactionID });
    expect(receipt).toMatchObject({ transactionID: sale.transactionID, patientID: 'SOAP-1' });
    const declined = await op(c, 'DoCreditCardSale', {
      ...card,
      cardNumber: CARDS.doNotHonor,
      amount: '5.00',
    });
    expect(declined.transactionStatus).toBe('D');
    // The demo merchant does not allow unreferenced refunds: a fault, in this SOAP version's words.
    const unreferenced = await op(c, 'DoCreditCardRefund', { ...card, amount: '1.00' }).catch(
      (e: Error) => e,
    );
    expect(unreferenced).toBeInstanceOf(Error);
    expect((unreferenced as Error).message).toMatch(soap12 ? /Sender/ : /soap:Client/);
  });

  it('passes an X12 270 through DoEligibilityInquiryEDI and answers the 271 as a string', async () => {
    const c = await client('/healthcare/service.asmx', soap12);
    const call = c.DoEligibilityInquiryEDIAsync as (a: unknown) => Promise<[Result]>;
    const [active] = await call({ requestEDI: sample270({ memberId: 'M1' }) });
    expect(active.DoEligibilityInquiryEDIResult).toMatch(/~EB\*1\*IND\*30/);
    const [inactive] = await call({ requestEDI: sample270({ memberId: 'X1' }) });
    expect(inactive.DoEligibilityInquiryEDIResult).toMatch(/~EB\*6\*\*30/);
  });

  it('answers GetSSOTokenStatus on /SSOService.asmx', async () => {
    const created = await fetch(`${api()}/sso`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: LAKESIDE_NVP },
      body: new URLSearchParams({ ...OUTLET, amount: '1.00', responseActionType: 'header' }).toString(),
    });
    const token = new URLSearchParams(await created.text()).get('token') as string;
    const c = await client('/SSOService.asmx', soap12);
    const [out] = await (c.GetSSOTokenStatusAsync as (a: unknown) => Promise<[Result]>)({ token });
    expect(out.GetSSOTokenStatusResult).toBe('NEW');
  });
});

describe('SOAP faults and hostile XML', () => {
  const envelope = (inner: string) =>
    `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${inner}</soap:Body></soap:Envelope>`;

  it('serves both bindings in the WSDL, for ?wsdl in any case', async () => {
    const res = await fetch(`${api()}/payment/service.asmx?WSDL`);
    const wsdl = await res.text();
    expect(wsdl).toContain('<soap:binding');
    expect(wsdl).toContain('<soap12:binding');
    expect(wsdl).toContain('name="DoCreditCardSecondarySimpleRefund"');
  });

  it('refuses DTDs, entity expansion, deep nesting and non-XML with a Client fault that says why', async () => {
    const xxe = await raw(
      '/payment/service.asmx',
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${envelope('<ViewReceipt><Request><transactionID>&e;</transactionID></Request></ViewReceipt>')}`,
    );
    expect(xxe.status).toBe(500);
    expect(xxe.text).toContain('soap:Client');
    expect(xxe.text).toMatch(/DTDs are not allowed/);
    expect(xxe.text).not.toContain('root:');
    const bomb = await raw('/payment/service.asmx', `<!ENTITY a "aaaa">${envelope('<ViewReceipt/>')}`);
    expect(bomb.text).toMatch(/Entity declarations are not allowed/);
    const deep = await raw('/payment/service.asmx', envelope(`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`));
    expect(deep.text).toMatch(/nested deeper/);
    const notXml = await raw('/payment/service.asmx', 'hello there');
    expect(notXml.status).toBe(500);
    expect(notXml.text).toContain('<faultstring>');
  });

  it('answers SOAP 1.2 faults with Sender and 401 for authentication', async () => {
    const v12 = `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><DoNothing xmlns="https://schemas.conduit.health/2026/payment"/></soap:Body></soap:Envelope>`;
    const fault = await raw('/payment/service.asmx', v12, 'application/soap+xml; charset=utf-8');
    expect(fault.status).toBe(500);
    expect(fault.text).toContain('<soap:Value>soap:Sender</soap:Value>');
    expect(fault.text).toMatch(/<ReferenceNumber>[A-Z0-9]{10}<\/ReferenceNumber>/);
    const res = await fetch(`${api()}/payment/service.asmx`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: v12,
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('soap:Fault');
  });
});
