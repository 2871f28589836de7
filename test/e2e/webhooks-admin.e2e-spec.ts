import { beforeAll, describe, expect, it } from 'vitest';
import { as, call, DEMO, expectErrorShape } from './client';
import { createEndpoint, freshMerchant } from './webhooks-client';

const SECRET_FIELDS = [
  'basicPassword',
  'oauthClientSecret',
  'clientKeyPem',
  'clientKeyPassphrase',
  'signingSecret',
];

/** admin-api.md `webhook-endpoints`: field names, secrets once, SSRF vetting at save, roles, tenancy. */
describe('webhook endpoints in the admin API', () => {
  let admin: string;
  let merchantId: string;

  beforeAll(async () => {
    admin = await as.lakesideAdmin();
    merchantId = await freshMerchant(admin);
  });

  it('accepts the documented field names, answers the signing secret once and never a secret again', async () => {
    const created = await createEndpoint(admin, {
      merchantId,
      url: 'http://127.0.0.1:9/hook',
      format: 'XML',
      events: ['Approved', 'Voided'],
      sendPaymentNotifications: true,
      sendPaymentPlanNotifications: false,
      authType: 'BASIC',
      basicUsername: 'conduit',
      basicPassword: 'receiver-pass-1',
      enabled: true,
    });
    expect(created.signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
    expect(created).toMatchObject({
      merchantId,
      url: 'http://127.0.0.1:9/hook',
      format: 'XML',
      events: ['Approved', 'Voided'],
      sendPaymentPlanNotifications: false,
      authType: 'BASIC',
      basicUsername: 'conduit',
      hasBasicPassword: true,
      enabled: true,
    });
    expect(created).not.toHaveProperty('basicPassword');
    const read = await call<Record<string, unknown>>('GET', `/admin/api/webhook-endpoints/${created.id}`, {
      token: admin,
    });
    const list = await call<Record<string, unknown>[]>(
      'GET',
      `/admin/api/webhook-endpoints?filter=${encodeURIComponent(JSON.stringify({ merchantId }))}`,
      { token: admin },
    );
    expect(list.headers.get('content-range')).toMatch(/^webhook-endpoints 0-\d+\/\d+$/);
    for (const text of [read.text, list.text]) {
      for (const f of SECRET_FIELDS) expect(text).not.toContain(`"${f}"`);
      expect(text).not.toContain('receiver-pass-1');
      expect(text).not.toContain(created.signingSecret as string);
    }
    // Editing without the password keeps it; the rotate answer carries a new secret, once.
    const edited = await call<Record<string, unknown>>('PUT', `/admin/api/webhook-endpoints/${created.id}`, {
      token: admin,
      body: { ...read.body, format: 'NVP' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ format: 'NVP', hasBasicPassword: true });
    const rotated = await call<Record<string, unknown>>(
      'POST',
      `/admin/api/webhook-endpoints/${created.id}/rotate-secret`,
      { token: admin },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(rotated.body.signingSecret).toMatch(/^whsec_/);
    expect(rotated.body.signingSecret).not.toBe(created.signingSecret);
  });

  it('refuses metadata, link-local and unspecified targets at save, with the reason on the url field', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://[fe80::1]/hook',
      'http://0.0.0.0/hook',
      'http://100.100.100.200/hook',
    ]) {
      const r = await call('POST', '/admin/api/webhook-endpoints', {
        token: admin,
        body: { merchantId, url },
      });
      const body = expectErrorShape(r, 400);
      expect(
        body.errors?.map((e) => e.field),
        url,
      ).toContain('url');
    }
    const notAUrl = await call('POST', '/admin/api/webhook-endpoints', {
      token: admin,
      body: { merchantId, url: 'ftp://example.test/x' },
    });
    expect(expectErrorShape(notAUrl, 400).errors?.[0].field).toBe('url');
  });

  it('checks authentication fields and client certificates', async () => {
    const oauth = await call('POST', '/admin/api/webhook-endpoints', {
      token: admin,
      body: { merchantId, url: 'http://127.0.0.1:9/hook', authType: 'OAUTH2', oauthClientId: 'x' },
    });
    const fields = expectErrorShape(oauth, 400).errors?.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['oauthTokenUrl', 'oauthClientSecret']));
    const cert = await call('POST', '/admin/api/webhook-endpoints', {
      token: admin,
      body: {
        merchantId,
        url: 'http://127.0.0.1:9/hook',
        clientCertificatePem: '-----BEGIN CERTIFICATE-----\nnot a cert\n-----END CERTIFICATE-----\n',
        clientKeyPem: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n',
      },
    });
    expect(expectErrorShape(cert, 400).errors?.[0].field).toMatch(/^client(CertificatePem|KeyPem)$/);
    const unknownEvent = await call('POST', '/admin/api/webhook-endpoints', {
      token: admin,
      body: { merchantId, url: 'http://127.0.0.1:9/hook', events: ['Approved', 'Exploded'] },
    });
    expect(expectErrorShape(unknownEvent, 400).errors?.[0].field).toBe('events');
  });

  it('lets finance read but not configure, hides webhooks from partners, and 404s other tenants', async () => {
    const endpoint = await createEndpoint(admin, { merchantId, url: 'http://127.0.0.1:9/roles' });
    const finance = await as.lakesideFinance();
    expect(
      (await call('GET', `/admin/api/webhook-endpoints/${endpoint.id}`, { token: finance })).status,
    ).toBe(200);
    for (const [method, path] of [
      ['POST', '/admin/api/webhook-endpoints'],
      ['PUT', `/admin/api/webhook-endpoints/${endpoint.id}`],
      ['DELETE', `/admin/api/webhook-endpoints/${endpoint.id}`],
      ['POST', `/admin/api/webhook-endpoints/${endpoint.id}/rotate-secret`],
      ['POST', `/admin/api/webhook-endpoints/${endpoint.id}/test`],
    ] as const) {
      const r = await call(method, path, {
        token: finance,
        body: { merchantId, url: 'http://127.0.0.1:9/x' },
      });
      expect(r.status, `${method} ${path}`).toBe(403);
    }
    const partner = await as.partnerDev();
    expect((await call('GET', '/admin/api/webhook-endpoints', { token: partner })).status).toBe(403);
    expect((await call('GET', '/admin/api/webhook-deliveries', { token: partner })).status).toBe(403);
    const harbor = await as.harborAdmin();
    for (const [method, path] of [
      ['GET', `/admin/api/webhook-endpoints/${endpoint.id}`],
      ['PUT', `/admin/api/webhook-endpoints/${endpoint.id}`],
      ['DELETE', `/admin/api/webhook-endpoints/${endpoint.id}`],
      ['POST', `/admin/api/webhook-endpoints/${endpoint.id}/rotate-secret`],
      ['GET', `/admin/api/webhook-endpoints/${endpoint.id}/health`],
    ] as const) {
      const r = await call(method, path, { token: harbor, body: method === 'GET' ? undefined : {} });
      expect(r.status, `${method} ${path}`).toBe(404);
    }
    const foreign = await call('POST', '/admin/api/webhook-endpoints', {
      token: harbor,
      body: { merchantId: DEMO.lakeside.merchantId, url: 'http://127.0.0.1:9/x' },
    });
    expect(expectErrorShape(foreign, 400).errors?.[0].field).toBe('merchantId');
  });

  it('shows the platform outbound addresses in platform-info', async () => {
    const r = await call<{ webhookSourceIps: string[] }>('GET', '/admin/api/platform-info', {
      token: await as.lakesideFinance(),
    });
    expect(r.body.webhookSourceIps).toEqual(['203.0.113.10', '203.0.113.11']);
  });
});
