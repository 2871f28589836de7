import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from '../../scripts/lib/ports.mjs';

export interface MtlsNginx {
  /** `https://127.0.0.1:<port>/hook` (any path is proxied to the upstream). */
  url: string;
  caPem: string;
  clientCertPem: string;
  clientKeyPem: string;
  /** The same key, encrypted with `clientKeyPassphrase`. */
  clientKeyEncryptedPem: string;
  clientKeyPassphrase: string;
  /** Self-signed: nginx refuses it. */
  badClientCertPem: string;
  badClientKeyPem: string;
  stop: () => Promise<void>;
}

/** Debian's nginx-light, which `npm test` installs (scripts/lib/system-packages.mjs). */
function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) {
    if (spawnSync(candidate, ['-v']).status === 0) return candidate;
  }
  throw new Error('nginx is not installed: run the tests with `npm test`, which installs nginx-light');
}

function openssl(dir: string, ...args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A test CA, a server certificate for localhost/127.0.0.1, and a good and a bad client certificate. */
function makeCertificates(dir: string) {
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Conduit Test CA',
  );
  const issue = (name: string, subject: string, ext: string) => {
    openssl(
      dir,
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      subject,
    );
    writeFileSync(path.join(dir, `${name}.ext`), ext);
    openssl(
      dir,
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    );
  };
  issue(
    'server',
    '/CN=localhost',
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  );
  issue('client', '/CN=conduit-webhooks', 'extendedKeyUsage=clientAuth\n');
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'bad.key',
    '-out',
    'bad.pem',
    '-days',
    '2',
    '-subj',
    '/CN=intruder',
  );
  openssl(
    dir,
    'pkey',
    '-in',
    'client.key',
    '-aes256',
    '-passout',
    'pass:client-key-pass',
    '-out',
    'client-enc.key',
  );
}

/** nginx on loopback demanding a client certificate signed by the test CA, proxying to `upstreamUrl`. */
export async function startMtlsNginx(upstreamUrl: string): Promise<MtlsNginx> {
  const nginx = nginxBinary();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conduit-nginx-'));
  mkdirSync(path.join(dir, 'logs'));
  makeCertificates(dir);
  const port = await freePort();
  const conf = `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/logs/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_certificate ${dir}/server.pem;
    ssl_certificate_key ${dir}/server.key;
    ssl_client_certificate ${dir}/ca.pem;
    ssl_verify_client on;
    location / {
      proxy_set_header X-Client-DN $ssl_client_s_dn;
      proxy_pass ${upstreamUrl.replace(/\/$/, '')};
    }
  }
}
`;
  writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child: ChildProcess = spawn(nginx, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], {
    stdio: 'ignore',
  });
  await waitForPort(port, '127.0.0.1', 10_000);
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  return {
    url: `https://127.0.0.1:${port}/hook`,
    caPem: read('ca.pem'),
    clientCertPem: read('client.pem'),
    clientKeyPem: read('client.key'),
    clientKeyEncryptedPem: read('client-enc.key'),
    clientKeyPassphrase: 'client-key-pass',
    badClientCertPem: read('bad.pem'),
    badClientKeyPem: read('bad.key'),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
