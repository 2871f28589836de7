import { describe, expect, inject, it } from 'vitest';

interface Operation {
  operationId: string;
  tags: string[];
  security: unknown[];
  responses: Record<string, unknown>;
  requestBody?: unknown;
  parameters?: { name: string; in: string; schema?: { type?: unknown } }[];
}

interface Doc {
  openapi: string;
  info: { description: string };
  servers: unknown[];
  security: unknown[];
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<
    string,
    {
      post: {
        description: string;
        parameters: { name: string }[];
        requestBody: { content: Record<string, unknown> };
      };
    }
  >;
  components: { schemas: Record<string, unknown> };
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

  it('fixes what a newcomer found: SSO, security, types, tags, servers, introduction, webhooks', async () => {
    const doc = (await (await fetch(`${inject('apiUrl')}/rest/openapi.json`)).json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/rest/sso/token']?.post?.requestBody).toBeTruthy();
    expect(doc.paths['/rest/sso/token/{token}/status']?.get?.responses['200']).toBeTruthy();
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    const both = [{ 'Api-Key': [], 'Api-Secret': [] }];
    expect(doc.security).toEqual(both);
    for (const op of operations) {
      // The terminal pairs with its one-time code (devices.md), the one operation without a credential.
      expect(op.security, op.operationId).toEqual(op.operationId === 'pairTerminal' ? [] : both);
      expect(op.tags, op.operationId).toHaveLength(1);
      for (const p of op.parameters ?? []) expect(p.schema?.type, `${op.operationId} ${p.name}`).toBeTruthy();
    }
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(operations.length);
    const schemas = doc.components.schemas as Record<
      string,
      { properties: Record<string, { type?: unknown; enum?: unknown[] }> }
    >;
    expect(schemas.TransactionPage.properties.NextCursor.type).toEqual(['string', 'null']);
    expect(schemas.PaymentPlanPage.properties.NextCursor.type).toEqual(['string', 'null']);
    expect(schemas.TransactionDetail.properties.WorkflowStatus.enum).toContain(null);
    for (const i of [1, 2, 3, 4, 5, 6]) {
      expect(schemas.PaymentResponse.properties[`AdditionalInfo${i}`], `AdditionalInfo${i}`).toBeTruthy();
      expect(schemas.PaymentPlanOutput.properties[`AdditionalInfo${i}`], `AdditionalInfo${i}`).toBeTruthy();
    }
    expect(doc.servers).toEqual([{ url: inject('apiUrl'), description: 'This platform' }]);
    // Vendors cannot read the repository: no description cites its files.
    expect(JSON.stringify(doc)).not.toMatch(/\b[\w-]+\.(md|ts|mjs)\b/);
    const intro = doc.info.description;
    for (const needle of [
      '| `RI` |',
      '| `051` | INSUFFICIENT FUNDS',
      '`4000000000000002`',
      '`25.10`',
      '5000.00',
    ])
      expect(intro).toContain(needle);
    const webhook = doc.webhooks.transactionEvent.post;
    expect(Object.keys(webhook.requestBody.content).sort()).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
      'application/xml',
    ]);
    expect(webhook.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['webhook-id', 'webhook-timestamp', 'webhook-signature']),
    );
    expect(doc.webhooks.paymentPlanEvent.post.description).toContain('timingSafeEqual');
  });

  it('serves interactive docs', async () => {
    const res = await fetch(`${inject('apiUrl')}/rest/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/swagger-ui/i);
  });
});
