import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as soap from 'soap';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chipRead, EMV_UNPREDICTABLE_NUMBER } from '../support/emv';
import { startReceiver, type Receiver } from '../support/webhook-receiver';
import { as, call, DEMO } from './client';
import {
  CARDS,
  expectNvpError,
  expectRestError,
  LAKESIDE_OUTLET,
  nvp,
  REST_OUTLET,
  rest,
} from './payments-client';
import { createEndpoint, freshMerchant } from './webhooks-client';

const PIN_CARD = CARDS.visaDebitPin;
const CHIP_MESSAGE =
  'This card has a chip: insert the chip (send fallback=true only after a chip read failure)';
const yy = String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0');
/** Track 2 of a chip card (service code 201), as a swiper types it. */
const CHIP_TRACK = `;${CARDS.mastercardDebitPin}=${yy}122011234567?`;

const chipSale = (emvData: string, extra: Record<string, string> = {}) =>
  nvp({
    ...LAKESIDE_OUTLET,
    transactionType: 'DebitCard',
    transactionAction: 'Sale',
    amount: '25.00',
    emvData,
    ...extra,
  });

const restChipSale = (emvData: string, card: Record<string, unknown> = {}, amount = '25.00') =>
  rest('POST', '/payment/sale', {
    Outlet: REST_OUTLET,
    Amount: amount,
    TransactionType: 'DebitCard',
    Card: { EntryMode: 'emv', EMVData: emvData, ...card },
  });

const RECEIPT = {
  EMVApplicationLabel: 'VISA DEBIT',
  EMVApplicationID: 'A0000000031010',
  EMVTVR: '0000008000',
  EMVTSI: 'E800',
  EMVCryptogramType: 'ARQC',
};

describe('EMV chip and contactless payments', () => {
  it('approves a chip sale on NVP with the receipt fields and the issuer response', async () => {
    const emv = chipRead({ pan: PIN_CARD, amountCents: 2500 });
    const res = await chipSale(emv);
    expect(res.status, res.text).toBe(200);
    expect(res.fields).toMatchObject({
      responseCode: '000',
      transactionStatus: 'C',
      lastFourDigits: '0119',
      cardHolderName: 'PAT DOE',
      paymentCardType: 'DEBIT',
      EMVCardEntryMode: 'Chip',
      isEMVTransaction: 'true',
      IsEMVVerifiedByPIN: 'false',
      ...RECEIPT,
    });
    expect(res.fields.EMVIssuerResponse).toMatch(/^8A023030910A[0-9A-F]{16}3030$/);
    expect(res.text).not.toContain(PIN_CARD);
    expect(res.text).not.toContain(emv);
  });

  it('says IsEMVVerifiedByPIN when 9F34 shows a successful PIN', async () => {
    const res = await chipSale(chipRead({ pan: PIN_CARD, amountCents: 2500, pin: true }));
    expect([res.fields.responseCode, res.fields.IsEMVVerifiedByPIN]).toEqual(['000', 'true']);
  });

  it('approves a chip sale on REST with Card.EMV', async () => {
    const res = await restChipSale(chipRead({ pan: PIN_CARD, amountCents: 2500, pin: true }));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      ResponseCode: '000',
      Card: {
        LastFour: '0119',
        EntryMode: 'Chip',
        IsEMVTransaction: true,
        IsEMVVerifiedByPIN: true,
        EMV: {
          ApplicationLabel: 'VISA DEBIT',
          ApplicationID: 'A0000000031010',
          TVR: '0000008000',
          TSI: 'E800',
          CryptogramType: 'ARQC',
          IssuerResponse: expect.stringMatching(/^8A023030910A[0-9A-F]{20}$/),
        },
      },
    });
  });

  it('approves a contactless sale on REST (EntryMode nfc)', async () => {
    const res = await restChipSale(
      chipRead({ pan: CARDS.mastercardDebitPin, amountCents: 2500, contactless: true }),
      {
        EntryMode: 'nfc',
      },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      ResponseCode: '000',
      Card: {
        Brand: 'MASTERCARD',
        EntryMode: 'Contactless',
        IsEMVTransaction: true,
        EMV: { ApplicationLabel: 'MASTERCARD' },
      },
    });
  });

  it('approves a chip sale through a SOAP client generated from the WSDL', async () => {
    const api = inject('apiUrl');
    const c = await soap.createClientAsync(`${api}/payment/service.asmx?wsdl`);
    c.setEndpoint(`${api}/payment/service.asmx`);
    c.setSecurity(
      new soap.BasicAuthSecurity(DEMO.lakeside.account.identifier, DEMO.lakeside.account.password),
    );
    const fn = c.DoCreditCardSaleAsync as (
      args: unknown,
    ) => Promise<[Record<string, Record<string, string>>]>;
    const [out] = await fn({
      Request: {
        ...LAKESIDE_OUTLET,
        amount: '25.00',
        emvData: chipRead({ pan: PIN_CARD, amountCents: 2500, pin: true }),
      },
    });
    expect(out.DoCreditCardSaleResult).toMatchObject({
      responseCode: '000',
      EMVCardEntryMode: 'Chip',
      IsEMVVerifiedByPIN: 'true',
      ...RECEIPT,
    });
  });

  it('refuses a 9F02 other than the amount with a 400 naming the tag', async () => {
    const nvpRes = await chipSale(chipRead({ pan: PIN_CARD, amountCents: 2600 }));
    expect(expectNvpError(nvpRes, 400)).toBe(
      'emvData tag 9F02 (amount authorised) 000000002600 does not match amount 25.00',
    );
    const restRes = await restChipSale(chipRead({ pan: PIN_CARD, amountCents: 2600 }));
    expect(expectRestError(restRes, 400).Errors).toEqual([
      {
        Field: 'Card.EMVData',
        Message: 'Card.EMVData tag 9F02 (amount authorised) 000000002600 does not match amount 25.00',
      },
    ]);
  });

  it('declines 005 "cryptogram check failed" when the amount changed after the card signed', async () => {
    const res = await chipSale(chipRead({ pan: PIN_CARD, amountCents: 1000, claimedCents: 2500 }));
    expect(res.status, res.text).toBe(200);
    expect(res.fields).toMatchObject({
      responseCode: '005',
      responseMessage: 'cryptogram check failed',
      transactionStatus: 'D',
      amount: '0.00',
    });
    expect(res.fields.EMVIssuerResponse).toMatch(/^8A023035910A[0-9A-F]{16}3035$/);
  });

  it('refuses malformed TLV with a 400 naming the problem and echoing nothing', async () => {
    const good = chipRead({ pan: PIN_CARD, amountCents: 2500 });
    const truncated = good.slice(0, -4);
    const res = await chipSale(truncated);
    const message = expectNvpError(res, 400);
    expect(message).toBe('emvData tag 9F34 declares 3 bytes but only 1 follow');
    expect(res.text).not.toContain(PIN_CARD);
    expect(expectNvpError(await chipSale('9F0206000'), 400)).toMatch(/emvData must be hexadecimal/);
  });

  it('refuses chip data without 9F26 with a 400 naming 9F26', async () => {
    const res = await restChipSale(chipRead({ pan: PIN_CARD, amountCents: 2500, omit: ['9F26'] }));
    expect(expectRestError(res, 400).Errors).toEqual([
      { Field: 'Card.EMVData', Message: 'Card.EMVData tag 9F26 (application cryptogram) is required' },
    ]);
  });

  it('refuses a swiped chip card, then takes it as a fallback swipe', async () => {
    const refused = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '25.00',
      trackData: CHIP_TRACK,
    });
    expect(expectNvpError(refused, 400)).toBe(CHIP_MESSAGE);
    const restRefused = await rest('POST', '/payment/sale', {
      Outlet: REST_OUTLET,
      Amount: '25.00',
      Card: { EntryMode: 'swipe', TrackData: CHIP_TRACK },
    });
    expect(expectRestError(restRefused, 400).Errors).toEqual([
      { Field: 'Card.TrackData', Message: CHIP_MESSAGE },
    ]);
    const fallback = await rest('POST', '/payment/sale', {
      Outlet: REST_OUTLET,
      Amount: '25.00',
      Card: { EntryMode: 'swipe', TrackData: CHIP_TRACK, Fallback: true },
    });
    expect(fallback.status, fallback.text).toBe(200);
    expect(fallback.body).toMatchObject({
      ResponseCode: '000',
      Card: { EntryMode: 'Swiped', IsEMVTransaction: false },
    });
    const nvpFallback = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'CreditCard',
      transactionAction: 'Sale',
      amount: '25.00',
      trackData: CHIP_TRACK,
      fallback: 'true',
    });
    expect([nvpFallback.fields.responseCode, nvpFallback.fields.EMVCardEntryMode]).toEqual(['000', 'Swiped']);
  });

  it('shows the receipt fields in ViewReceipt and the admin API', async () => {
    const sale = await chipSale(chipRead({ pan: PIN_CARD, amountCents: 2500, pin: true }));
    const id = sale.fields.transactionID;
    const receipt = await nvp({ ...LAKESIDE_OUTLET, transactionAction: 'ViewReceipt', transactionID: id });
    expect(receipt.fields).toMatchObject({
      transactionID: id,
      IsEMVVerifiedByPIN: 'true',
      EMVIssuerResponse: sale.fields.EMVIssuerResponse,
      ...RECEIPT,
    });
    const admin = await call<Record<string, unknown>>('GET', `/admin/api/transactions/${id}`, {
      token: await as.lakesideFinance(),
    });
    expect(admin.status, admin.text).toBe(200);
    expect(admin.body).toMatchObject({
      isEmvTransaction: true,
      isEmvVerifiedByPin: true,
      emvApplicationLabel: 'VISA DEBIT',
      emvApplicationId: 'A0000000031010',
      emvTvr: '0000008000',
      emvTsi: 'E800',
      emvCryptogramType: 'ARQC',
      emvIssuerResponse: sale.fields.EMVIssuerResponse,
    });
  });

  it('logs neither the card number nor the chip data', async () => {
    const correlationId = randomUUID();
    const emv = chipRead({ pan: PIN_CARD, amountCents: 2500 });
    const res = await nvp(
      {
        ...LAKESIDE_OUTLET,
        transactionType: 'DebitCard',
        transactionAction: 'Sale',
        amount: '25.00',
        emvData: emv,
      },
      { headers: { 'x-correlation-id': correlationId } },
    );
    expect(res.fields.responseCode).toBe('000');
    const log = path.resolve(__dirname, '../../tmp/e2e-logs/api.log');
    let lines: string[] = [];
    await expect
      .poll(
        () =>
          (lines = readFileSync(log, 'utf8')
            .split('\n')
            .filter((l) => l.includes(correlationId))).length,
        {
          timeout: 5000,
        },
      )
      .toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(PIN_CARD);
      expect(line).not.toContain(EMV_UNPREDICTABLE_NUMBER);
      expect(line).not.toContain(emv.slice(0, 40));
    }
  });
});

describe('EMV fields in webhooks', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('posts the receipt fields of a chip sale', async () => {
    const admin = await as.lakesideAdmin();
    const merchantId = await freshMerchant(admin);
    await createEndpoint(admin, { merchantId, url: receiver.url('/emv'), format: 'JSON' });
    const res = await nvp({
      merchantID: merchantId,
      storeID: '001',
      terminalID: '001',
      transactionType: 'DebitCard',
      transactionAction: 'Sale',
      amount: '25.00',
      emvData: chipRead({ pan: PIN_CARD, amountCents: 2500, pin: true }),
    });
    expect(res.fields.responseCode, res.text).toBe('000');
    const [request] = await receiver.waitFor(1, { pathPrefix: '/emv', timeoutMs: 15_000 });
    expect(receiver.parse(request)).toMatchObject({
      PaymentTransactionID: res.fields.transactionID,
      EMVCardEntryMode: 'Chip',
      IsEMVVerifiedByPIN: 'true', // the receiver's parse reads every value as text
      ...RECEIPT,
      EMVIssuerResponse: res.fields.EMVIssuerResponse,
    });
    expect((JSON.parse(request.rawBody) as Record<string, unknown>).IsEMVVerifiedByPIN).toBe(true);
    expect(request.rawBody).not.toContain(PIN_CARD);
  });
});
