import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DEMO } from './client';
import { CARDS, FUTURE } from './payments-client';
import { sample270 } from '@conduit/wire';

const OUTLET = { merchantID: DEMO.lakeside.merchantId, storeID: '001', terminalID: '002' };
type Out = Record<string, string> & { fault?: string };

/** Debian's python3-zeep (run with /usr/bin/python3) builds its client from the WSDL alone. */
function zeep(
  service: string,
  soap12: boolean,
  calls: { op: string; args: Record<string, unknown> }[],
): Out[] {
  const url = `${inject('apiUrl')}${service}`;
  const spec = {
    wsdl: `${url}?wsdl`,
    endpoint: url,
    user: DEMO.lakeside.account.identifier,
    password: DEMO.lakeside.account.password,
    soap12,
    calls,
  };
  const out = execFileSync(
    '/usr/bin/python3',
    [path.resolve(__dirname, '../support/zeep_client.py'), JSON.stringify(spec)],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return JSON.parse(out) as Out[];
}

describe.each([
  ['SOAP 1.1', false],
  ['SOAP 1.2', true],
])('SOAP with python3-zeep (%s)', (_label, soap12) => {
  it('calls every payment operation and the token status', () => {
    const card = { ...OUTLET, cardNumber: CARDS.visa, cardExpiration: FUTURE };
    const [sale, auth, declined, saved, check, toVoid] = zeep('/payment/service.asmx', soap12, [
      { op: 'DoCreditCardSale', args: { Request: { ...card, amount: '9.00' } } },
      { op: 'DoCreditCardAuthorization', args: { Request: { ...card, amount: '4.00' } } },
      {
        op: 'DoCreditCardSale',
        args: { Request: { ...card, cardNumber: CARDS.doNotHonor, amount: '2.00' } },
      },
      { op: 'DoCreditCardSaveOnFile', args: { Request: card } },
      {
        op: 'DoECheckSale',
        args: {
          Request: {
            ...OUTLET,
            amount: '3.00',
            routingNumber: '011000015',
            accountNumber: '1234567890',
            accountType: 'Checking',
            accountHolderName: 'Pat Doe',
          },
        },
      },
      { op: 'DoCreditCardSale', args: { Request: { ...card, amount: '5.00' } } },
    ]);
    expect(sale).toMatchObject({ responseCode: '000', transactionStatus: 'C', amount: '9.00' });
    expect(auth.transactionStatus).toBe('A');
    expect(declined.transactionStatus).toBe('D');
    expect(saved.paymentMethodID).toMatch(/^[0-9A-F]{32}$/);
    expect(check.responseCode).toBe('000');
    const secondary = (primary: string) => ({ ...OUTLET, primaryTransactionID: primary });
    const [capture, refund, receipt, voided, unreferenced] = zeep('/payment/service.asmx', soap12, [
      { op: 'DoCreditCardCapture', args: { Request: secondary(auth.transactionID) } },
      {
        op: 'DoCreditCardSecondarySimpleRefund',
        args: { Request: { ...secondary(sale.transactionID), amount: '1.00' } },
      },
      { op: 'ViewReceipt', args: { Request: { transactionID: sale.transactionID } } },
      { op: 'DoCreditCardSecondaryVoid', args: { Request: secondary(toVoid.transactionID) } },
      { op: 'DoCreditCardRefund', args: { Request: { ...card, amount: '1.00' } } },
    ]);
    expect(capture.responseCode).toBe('000');
    expect(refund.responseCode).toBe('000');
    expect(receipt.transactionID).toBe(sale.transactionID);
    expect(voided).toMatchObject({
      responseCode: '000',
      transactionStatus: 'V',
      transactionAction: 'Void',
      amount: '5.00',
      primaryTransactionID: toVoid.transactionID,
      primaryTransactionStatus: 'V',
    });
    // The demo merchant does not allow unreferenced refunds: a fault that says what to use instead.
    expect(unreferenced.fault).toMatch(/^Unreferenced refunds are not enabled for this merchant/);
    const [status] = zeep('/SSOService.asmx', soap12, [
      { op: 'GetSSOTokenStatus', args: { token: 'x'.repeat(43) } },
    ]);
    expect((status as unknown as { fault: string }).fault).toMatch(/not found/);
  }, 120_000);
});

describe('EDI eligibility over SOAP (python3-zeep)', () => {
  it('answers a 270 with a 271, a broken one with a 999, and non-X12 with a fault', () => {
    const edi = sample270();
    const [ok, broken, notX12] = zeep('/healthcare/service.asmx', true, [
      { op: 'DoEligibilityInquiryEDI', args: { requestEDI: edi } },
      { op: 'DoEligibilityInquiryEDI', args: { requestEDI: edi.replace('GE*1*1', 'GE*1*2') } },
      { op: 'DoEligibilityInquiryEDI', args: { requestEDI: 'not an interchange' } },
    ]) as unknown as [string, string, { fault: string }];
    expect(ok).toMatch(/~ST\*271\*1234\*005010X279A1~/);
    expect(ok).toMatch(/~EB\*1\*IND\*30/);
    expect(broken).toMatch(/~ST\*999\*/);
    expect(broken).toMatch(/~IK3\*GE\*/);
    expect(notX12.fault).toMatch(/not an X12 interchange/);
  }, 60_000);
});
