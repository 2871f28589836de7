import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUrlShape, classifyAddress, isAllowedAddress, pinnedLookup, SsrfRefusal, vetUrl } from './ssrf';

describe('address classification (webhooks.md SSRF rules)', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['2606:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12::1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['240.0.0.1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
  ])('%s is %s', (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });

  it('allows private and loopback only when the operator allows private targets; never link-local or metadata', () => {
    expect(isAllowedAddress('10.0.0.1', { allowPrivateTargets: false })).toBe(false);
    expect(isAllowedAddress('10.0.0.1', { allowPrivateTargets: true })).toBe(true);
    expect(isAllowedAddress('127.0.0.1', { allowPrivateTargets: true })).toBe(true);
    for (const ip of ['169.254.169.254', 'fe80::1', '0.0.0.0', '224.0.0.1'])
      expect(isAllowedAddress(ip, { allowPrivateTargets: true })).toBe(false);
    expect(isAllowedAddress('93.184.216.34', { allowPrivateTargets: false })).toBe(true);
  });
});

describe('URL vetting', () => {
  const resolve = async (host: string) =>
    host === 'mixed.test'
      ? [
          { address: '93.184.216.34', family: 4 },
          { address: '10.0.0.5', family: 4 },
        ]
      : [{ address: '93.184.216.34', family: 4 }];

  it('requires https unless http is allowed, and refuses credentials in the URL', () => {
    expect(() => checkUrlShape('http://example.test/x', { allowHttp: false })).toThrow(/https/);
    expect(checkUrlShape('http://example.test/x#frag', { allowHttp: true }).href).toBe(
      'http://example.test/x',
    );
    expect(() => checkUrlShape('https://u:p@example.test/', { allowHttp: false })).toThrow(/credentials/);
    expect(() => checkUrlShape('not a url', { allowHttp: true })).toThrow(/absolute URL/);
  });

  it('refuses a host when ANY of its addresses is disallowed, naming host and address', async () => {
    const o = { allowHttp: false, allowPrivateTargets: false, resolve };
    await expect(vetUrl('https://mixed.test/hook', o)).rejects.toThrow(
      new SsrfRefusal('mixed.test', '10.0.0.5', 'private'),
    );
    await expect(vetUrl('https://ok.test/hook', o)).resolves.toMatchObject({ address: '93.184.216.34' });
    await expect(vetUrl('https://[fe80::1]/hook', { ...o, allowPrivateTargets: true })).rejects.toThrow(
      /link-local/,
    );
    await expect(vetUrl('https://169.254.169.254/', { ...o, allowPrivateTargets: true })).rejects.toThrow(
      /metadata/,
    );
  });
});

describe('pinned lookup at connect time', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('pinned'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const get = (allowPrivateTargets: boolean, resolveTo: string) =>
    new Promise<string>((resolve, reject) => {
      const lookup = pinnedLookup({
        allowPrivateTargets,
        resolve: async () => [{ address: resolveTo, family: 4 }],
      });
      const agent = new http.Agent({ lookup });
      http
        .get({ host: 'receiver.test', port, path: '/', agent }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve(body));
        })
        .on('error', reject);
    });

  it('connects to the vetted address, whatever the name', async () => {
    await expect(get(true, '127.0.0.1')).resolves.toBe('pinned');
  });

  it('refuses before connecting when the address is not allowed', async () => {
    await expect(get(false, '127.0.0.1')).rejects.toBeInstanceOf(SsrfRefusal);
  });

  it('answers every vetted address when asked for all', async () => {
    const lookup = pinnedLookup({
      allowPrivateTargets: false,
      resolve: async () => [{ address: '8.8.8.8', family: 4 }],
    });
    const all = await new Promise((resolve) =>
      (lookup as unknown as (h: string, o: object, cb: (e: unknown, a: unknown) => void) => void)(
        'x.test',
        { all: true },
        (_e, a) => resolve(a),
      ),
    );
    expect(all).toEqual([{ address: '8.8.8.8', family: 4 }]);
  });
});
