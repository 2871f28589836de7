import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { as, call, DEMO, expectErrorShape } from './client';
import {
  expectNvpError,
  expectRestError,
  LAKESIDE_NVP,
  LAKESIDE_OUTLET,
  nvp,
  rest,
  REST_OUTLET,
} from './payments-client';

/** A scanned front (a PNG larger than the default 64 KiB body limit) and back (a JPEG). */
const FRONT = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(300_000)]);
const BACK = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), randomBytes(40_000)]);
const TOO_LARGE = Buffer.concat([FRONT.subarray(0, 16), Buffer.alloc(1024 * 1024)]);

type Detail = {
  id: string;
  tender: string;
  checkImages: { side: string; contentType: string; size: number; url: string }[];
};

const check = (patientId: string, extra: Record<string, unknown> = {}) => ({
  Outlet: REST_OUTLET,
  Amount: '125.00',
  PaymentMethod: 'ECheck',
  ECheck: {
    RoutingNumber: '011000015',
    AccountNumber: '123456789',
    CheckNumber: '2047',
    AccountType: 'Checking',
    CheckPresentStatus: 'Present',
    FrontImage: FRONT.toString('base64'),
    BackImage: BACK.toString('base64'),
    ...extra,
  },
  Patient: { PatientID: patientId },
});

async function image(url: string, token: string) {
  const res = await fetch(`${inject('apiUrl')}${url}`, { headers: { authorization: `Bearer ${token}` } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Rows of a patient the finance user sees: a refused request must leave none behind. */
async function rowsOf(patient: string) {
  const filter = encodeURIComponent(JSON.stringify({ patient }));
  const list = await call<unknown[]>('GET', `/admin/api/transactions?filter=${filter}`, {
    token: await as.lakesideFinance(),
  });
  return list.body.length;
}

describe('check images with eCheck deposits (decision 0034)', () => {
  const stamp = Date.now();

  it('takes a REST deposit with both sides and shows them to staff, byte for byte', async () => {
    const sale = await rest<{ TransactionID: string; TransactionStatus: string }>(
      'POST',
      '/payment/sale',
      check(`CHK-REST-${stamp}`),
    );
    expect(sale.status).toBe(200);
    expect(sale.body.TransactionStatus).toBe('C');
    expect(sale.text).not.toContain(FRONT.toString('base64').slice(0, 64));
    const id = sale.body.TransactionID;
    const finance = await as.lakesideFinance();
    const detail = await call<Detail>('GET', `/admin/api/transactions/${id}`, { token: finance });
    expect(detail.body.checkImages).toEqual([
      {
        side: 'FRONT',
        contentType: 'image/png',
        size: FRONT.length,
        url: `/admin/api/transactions/${id}/check-images/front`,
      },
      {
        side: 'BACK',
        contentType: 'image/jpeg',
        size: BACK.length,
        url: `/admin/api/transactions/${id}/check-images/back`,
      },
    ]);
    const front = await image(detail.body.checkImages[0].url, finance);
    expect(front.res.status).toBe(200);
    expect(front.res.headers.get('content-type')).toBe('image/png');
    expect(front.res.headers.get('cache-control')).toBe('no-store');
    expect(front.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(front.bytes.equals(FRONT)).toBe(true);
    const back = await image(detail.body.checkImages[1].url, await as.lakesideAdmin());
    expect(back.res.headers.get('content-type')).toBe('image/jpeg');
    expect(back.bytes.equals(BACK)).toBe(true);

    // Each view is in the practice's audit log, by whom and which side.
    const audit = await call<{ actorLabel: string; changes: { side: string } }[]>(
      'GET',
      `/admin/api/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'transaction.check-image.view', resourceId: id }))}`,
      { token: await as.lakesideAdmin() },
    );
    expect(audit.body.map((a) => [a.actorLabel, a.changes.side]).sort()).toEqual([
      [DEMO.lakeside.admin.email, 'BACK'],
      [DEMO.lakeside.finance.email, 'FRONT'],
    ]);

    // A partner the merchant granted access reads its transactions, so their images too.
    const partner = await image(detail.body.checkImages[0].url, await as.partnerDev());
    expect(partner.res.status).toBe(200);
    expect(partner.bytes.equals(FRONT)).toBe(true);

    // Another practice cannot see the transaction, so not its images either.
    const harbor = await as.harborAdmin();
    expectErrorShape(await call('GET', detail.body.checkImages[0].url, { token: harbor }), 404);
    expectErrorShape(
      await call('GET', `/admin/api/transactions/${id}/check-images/side`, { token: finance }),
      404,
    );
  });

  it('replays a keyed deposit from its stored answer, which holds no image', async () => {
    const key = `chk-${stamp}`;
    const body = check(`CHK-KEY-${stamp}`, { BackImage: undefined });
    const first = await rest('POST', '/payment/sale', body, { headers: { 'idempotency-key': key } });
    const again = await rest('POST', '/payment/sale', body, { headers: { 'idempotency-key': key } });
    expect(first.status).toBe(200);
    expect([again.status, again.headers.get('idempotent-replayed'), again.text]).toEqual([
      200,
      'true',
      first.text,
    ]);
    expect(again.text).not.toContain(FRONT.toString('base64').slice(0, 64));
    expect(await rowsOf(`CHK-KEY-${stamp}`)).toBe(1);
  });

  it('takes an NVP deposit with the front alone', async () => {
    const res = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'eCheck',
      transactionAction: 'Sale',
      amount: '40.00',
      routingNumber: '011000015',
      accountNumber: '987654321',
      checkPresentStatus: 'Present',
      checkFrontImage: FRONT.toString('base64'),
      patientID: `CHK-NVP-${stamp}`,
    });
    expect(res.status).toBe(200);
    expect(res.fields.responseCode).toBe('000');
    const finance = await as.lakesideFinance();
    const detail = await call<Detail>('GET', `/admin/api/transactions/${res.fields.transactionID}`, {
      token: finance,
    });
    expect(detail.body.checkImages.map((i) => i.side)).toEqual(['FRONT']);
    expect((await image(detail.body.checkImages[0].url, finance)).bytes.equals(FRONT)).toBe(true);
    expectErrorShape(
      await call('GET', `/admin/api/transactions/${res.fields.transactionID}/check-images/back`, {
        token: finance,
      }),
      404,
    );
  });

  it('takes a SOAP deposit (DoECheckSale) with both sides', async () => {
    const fields = {
      merchantID: DEMO.lakeside.merchantId,
      storeID: '001',
      terminalID: '002',
      amount: '12.00',
      routingNumber: '011000015',
      accountNumber: '123456789',
      checkPresentStatus: 'Present',
      checkFrontImage: BACK.toString('base64'), // a JPEG front: what matters is the bytes
      checkBackImage: FRONT.subarray(0, 4096).toString('base64'),
      patientID: `CHK-SOAP-${stamp}`,
    };
    const request = Object.entries(fields)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('');
    const NS = 'https://schemas.conduit.health/2026/payment';
    const res = await fetch(`${inject('apiUrl')}/payment/service.asmx`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', authorization: LAKESIDE_NVP },
      body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><DoECheckSale xmlns="${NS}"><Request>${request}</Request></DoECheckSale></soap:Body></soap:Envelope>`,
    });
    const xml = await res.text();
    expect(res.status).toBe(200);
    const id = /<transactionID>([^<]*)<\/transactionID>/.exec(xml)?.[1];
    expect(id).toMatch(/^[0-9A-F]{32}$/);
    const detail = await call<Detail>('GET', `/admin/api/transactions/${id}`, {
      token: await as.lakesideFinance(),
    });
    expect(detail.body.checkImages.map((i) => [i.side, i.contentType, i.size])).toEqual([
      ['FRONT', 'image/jpeg', BACK.length],
      ['BACK', 'image/png', 4096],
    ]);
  });

  it('refuses bad images naming the field, never echoing them, and writes nothing', async () => {
    const patient = `CHK-BAD-${stamp}`;
    const bad = expectRestError(
      await rest('POST', '/payment/sale', check(patient, { FrontImage: 'not/base64!', BackImage: 'QUJD' })),
      400,
    );
    expect(bad.Errors).toEqual([
      {
        Field: 'ECheck.FrontImage',
        Message: 'ECheck.FrontImage must be standard base64 (A-Z a-z 0-9 + /, padded with =)',
      },
      { Field: 'ECheck.BackImage', Message: 'ECheck.BackImage must be a PNG or JPEG image' },
    ]);
    const large = await rest(
      'POST',
      '/payment/sale',
      check(patient, { FrontImage: TOO_LARGE.toString('base64') }),
    );
    expect(expectRestError(large, 400).Errors).toEqual([
      {
        Field: 'ECheck.FrontImage',
        Message: 'ECheck.FrontImage must be at most 1048576 bytes (1 MiB) decoded',
      },
    ]);
    expect(large.text.length).toBeLessThan(2000);
    const absent = expectRestError(
      await rest('POST', '/payment/sale', check(patient, { CheckPresentStatus: 'NotPresent' })),
      400,
    );
    expect(absent.Errors).toEqual([
      {
        Field: 'ECheck.FrontImage',
        Message: 'ECheck.FrontImage is accepted only with ECheck.CheckPresentStatus Present',
      },
    ]);
    const backOnly = await nvp({
      ...LAKESIDE_OUTLET,
      transactionType: 'eCheck',
      transactionAction: 'Sale',
      amount: '40.00',
      routingNumber: '011000015',
      accountNumber: '987654321',
      checkPresentStatus: 'Present',
      checkBackImage: BACK.toString('base64'),
      patientID: patient,
    });
    expect(expectNvpError(backOnly, 400)).toBe('checkBackImage needs checkFrontImage (send the front too)');
    expect(backOnly.text).not.toContain(BACK.toString('base64').slice(0, 64));
    expect(await rowsOf(patient)).toBe(0);
  });
});
