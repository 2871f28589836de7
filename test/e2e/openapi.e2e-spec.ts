import { describe, expect, inject, it } from 'vitest';

interface Operation {
  responses: Record<string, unknown>;
  requestBody?: unknown;
  parameters?: { name: string; in: string }[];
}

/** The REST interface describes itself completely: every path, schema, example and error. */
describe('REST OpenAPI document', () => {
  it('lists every REST endpoint of rest.md with its body, answer and every error status', async () => {
    const res = await fetch(`${inject('apiUrl')}/rest/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    const posts = ['sale', 'authorization', 'capture', 'void', 'refund-simple', 'refund', 'paymentplan'].map(
      (p) => `/rest/payment/${p}`,
    );
    for (const path of posts) {
      const op = doc.paths[path]?.post;
      expect(op, path).toBeTruthy();
      expect(op.requestBody, path).toBeTruthy();
      expect(Object.keys(op.responses).sort(), path).toEqual([
        '200',
        '400',
        '401',
        '403',
        '404',
        '409',
        '413',
        '415',
        '429',
        '500',
      ]);
      expect(op.parameters?.map((p) => p.name)).toContain('Idempotency-Key');
    }
    for (const verb of ['update', 'pause', 'resume', 'cancel']) {
      const op = doc.paths[`/rest/payment/paymentplan/{id}/${verb}`]?.post;
      expect(op, verb).toBeTruthy();
      expect(op.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'Idempotency-Key']));
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
    }
    expect(doc.paths['/rest/payment/paymentplan/{id}/update'].post.requestBody).toBeTruthy();
    expect(doc.paths['/rest/payment/paymentplan/{id}']?.get.responses['200']).toBeTruthy();
    expect(doc.paths['/rest/payment/paymentplans']?.get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'MerchantID',
        'StoreID',
        'TerminalID',
        'PatientID',
        'Status',
        'Limit',
        'Cursor',
      ]),
    );
    expect(JSON.stringify(doc.components.schemas.PaymentPlanRequest)).toContain('"example":"300.00"');
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'PaymentPlanDetailOutput',
        'PaymentPlanPage',
        'PastChargeOutput',
        'UpcomingChargeOutput',
      ]),
    );
    expect(doc.paths['/rest/payment/transaction/{id}']?.get).toBeTruthy();
    expect(doc.paths['/rest/payment/transactions']?.get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Cursor', 'Limit', 'PatientID']),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'PaymentRequest',
        'PaymentResponse',
        'ErrorResponse',
        'CardInput',
        'ECheckInput',
      ]),
    );
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['Api-Key', 'Api-Secret']);
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/rest/'))).toBe(true);
    expect(JSON.stringify(doc.components.schemas.PaymentRequest)).toContain('"example":"25.00"');
  });

  it('serves interactive docs', async () => {
    const res = await fetch(`${inject('apiUrl')}/rest/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/swagger-ui/i);
  });
});
