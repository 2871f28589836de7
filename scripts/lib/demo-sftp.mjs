import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Development only: the demo SFTP account's key pair, made on first start in the data folder
 * (`demo-sftp-key`, mode 0600, and `demo-sftp-key.pub`), so `sftp -i .data/demo-sftp-key` works
 * at once. The seed registers the public key on the demo account.
 */
export async function demoSftpKey(dataDir) {
  const privatePath = path.join(dataDir, 'demo-sftp-key');
  const publicPath = `${privatePath}.pub`;
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    const { default: ssh2 } = await import('ssh2');
    const { utils } = ssh2;
    const pair = utils.generateKeyPairSync('ed25519', { comment: 'conduit-demo-sftp' });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(privatePath, pair.private, { mode: 0o600 });
    writeFileSync(publicPath, `${pair.public}\n`);
  }
  return { privatePath, publicKey: readFileSync(publicPath, 'utf8').trim() };
}

/**
 * `GET /health` of a started gateway: its ports and host key fingerprints.
 * @returns {Promise<{ host: string, sftpPasswordPort: number, sftpKeyPort: number, ftpsPort: number,
 *   ftpsPassivePorts: string, hostKeyFingerprints: { ed25519: string, rsa: string } }>}
 */
export async function waitForGateway(port, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return res.json();
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the file gateway (health port ${port}) was not ready within ${timeoutMs} ms`);
}
