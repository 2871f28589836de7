import { describe, expect, it } from 'vitest';
import { originalTransactionOf } from './original-transaction';

const ID = '0CA7530A86084B468FFF132AB7F04491';
const json = (body: unknown) => ({
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
});
const form = (body: string) => ({
  status: 200,
  contentType: 'application/x-www-form-urlencoded; charset=utf-8',
  body,
});

describe('originalTransactionOf', () => {
  it('names a REST answer’s transaction as REST does', () => {
    expect(
      originalTransactionOf('/rest/payment/sale', json({ TransactionID: ID, ResponseCode: '000' })),
    ).toEqual({
      field: 'TransactionID',
      id: ID,
    });
  });

  it('names a plan creation’s down payment', () => {
    expect(
      originalTransactionOf(
        '/rest/payment/paymentplan',
        json({ PaymentPlanID: 'X', Transactions: [{ TransactionID: ID }] }),
      ),
    ).toEqual({ field: 'TransactionID', id: ID });
  });

  it('names an NVP answer’s transaction as NVP does', () => {
    expect(originalTransactionOf('/payment/NVP.aspx', form(`responseCode=000&transactionID=${ID}`))).toEqual({
      field: 'transactionID',
      id: ID,
    });
    expect(
      originalTransactionOf('/payment/NVP.aspx', form(`transactionCount=1&transaction1ID=${ID}`)),
    ).toEqual({
      field: 'transactionID',
      id: ID,
    });
  });

  it('reads a SOAP answer’s transactionID element', () => {
    const body = `<soap:Envelope><soap:Body><SaleResult><transactionID>${ID}</transactionID></SaleResult></soap:Body></soap:Envelope>`;
    expect(
      originalTransactionOf('/ws/PaymentService.asmx', {
        status: 200,
        contentType: 'text/xml; charset=utf-8',
        body,
      }),
    ).toEqual({
      field: 'transactionID',
      id: ID,
    });
  });

  it('names nothing when the answer holds no transaction ID', () => {
    expect(
      originalTransactionOf('/rest/payment/paymentplan', json({ PaymentPlanID: 'X', Transactions: [] })),
    ).toBeNull();
    expect(originalTransactionOf('/rest/payment/sale', json({ TransactionID: '<script>' }))).toBeNull();
    expect(
      originalTransactionOf('/rest/payment/sale', {
        status: 200,
        contentType: 'application/json',
        body: '{',
      }),
    ).toBeNull();
    expect(originalTransactionOf('/payment/NVP.aspx', form('responseCode=000'))).toBeNull();
  });
});
