import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { UnitOfWork } from '@conduit/db';
import type { Logger } from '@conduit/observability';
import { REDIS } from '@conduit/queues';
// Where the api's platform-info reads the fingerprints of the host keys accounts should see.
import { FILE_GATEWAY_HOST_KEYS } from '@conduit/tenancy';
import { FileVault } from '@conduit/payments';
import { FtpsServer } from './ftps/ftps-server';
import { ensureTlsCertificate } from './ftps/tls-certificate';
import { AccountLogin } from './gateway/account-login';
import { loadOrCreateHostKeys } from './gateway/host-keys';
import { INBOUND_FILES, type InboundFiles } from './gateway/inbound-files';
import { JailedSession } from './gateway/jailed-session';
import { LoginDefence } from './gateway/login-defence';
import { GATEWAY_LOGGER } from './gateway-logger';
import { SftpServer } from './sftp/sftp-server';

/**
 * Starts the SFTP (password and key listeners) and FTPS servers on bootstrap, publishes the host
 * key fingerprints, answers `GET /health` on FILE_GATEWAY_HEALTH_PORT, and stops them on
 * shutdown.
 */
@Injectable()
export class GatewayListeners implements OnApplicationBootstrap, OnApplicationShutdown {
  private sftp: SftpServer | null = null;
  private ftps: FtpsServer | null = null;
  private health: Server | null = null;
  private info: Record<string, unknown> = {};

  constructor(
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_LOGGER) private readonly logger: Logger,
    @Inject(INBOUND_FILES) private readonly inbound: InboundFiles,
    private readonly uow: UnitOfWork,
    private readonly vault: FileVault,
  ) {}

  async onApplicationBootstrap() {
    const s = this.config.fileGateway;
    const hostKeys = loadOrCreateHostKeys({
      dir: s.keysDir,
      ed25519Path: s.hostKeyEd25519Path,
      rsaPath: s.hostKeyRsaPath,
    });
    const tls =
      s.tlsCertPath && s.tlsKeyPath
        ? { cert: readFileSync(s.tlsCertPath), key: readFileSync(s.tlsKeyPath) }
        : ensureTlsCertificate(s.keysDir, s.publicHost);
    const defence = new LoginDefence(this.redis, s, async (ip, failures) => {
      await this.uow.read.audit.record({
        organizationId: null,
        actorType: 'anonymous',
        actorLabel: ip,
        action: 'sftp.ban',
        resource: 'auth',
        ip,
        changes: { failures, seconds: s.banSeconds },
      });
    });
    const deps = { uow: this.uow, vault: this.vault, inbound: this.inbound, maxFileBytes: s.maxFileBytes };
    const login = new AccountLogin(this.uow, defence, (account) => new JailedSession(deps, account));
    this.sftp = new SftpServer({
      host: s.host,
      passwordPort: s.sftpPasswordPort,
      keyPort: s.sftpKeyPort,
      hostKeys: hostKeys.keys,
      login,
      logger: this.logger,
    });
    this.ftps = new FtpsServer({
      host: s.host,
      port: s.ftpsPort,
      passiveMin: s.ftpsPassiveMin,
      passiveMax: s.ftpsPassiveMax,
      passiveAddress: s.ftpsPassiveAddress || undefined,
      tls,
      login,
      logger: this.logger,
      maxFileBytes: s.maxFileBytes,
    });
    const sftpPorts = await this.sftp.listen();
    const ftpsPort = await this.ftps.listen();
    await this.redis.set(FILE_GATEWAY_HOST_KEYS, JSON.stringify(hostKeys.fingerprints));
    this.info = {
      status: 'ok',
      host: s.publicHost,
      sftpPasswordPort: sftpPorts.passwordPort,
      sftpKeyPort: sftpPorts.keyPort,
      ftpsPort,
      ftpsPassivePorts: `${s.ftpsPassiveMin}-${s.ftpsPassiveMax}`,
      hostKeyFingerprints: hostKeys.fingerprints,
    };
    if (s.healthPort > 0) {
      this.health = createServer((req, res) => {
        const ok = (req.url ?? '').startsWith('/health');
        res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(ok ? this.info : { statusCode: 404, message: 'Not Found' }));
      });
      await new Promise<void>((resolve) => this.health!.listen(s.healthPort, '127.0.0.1', resolve));
    }
    // Another replica's upload in progress is younger than a day; a crashed one's is garbage.
    const swept = await this.vault.sweepIncomingUploads(24 * 60 * 60 * 1000).catch(() => 0);
    this.logger.info({ ...this.info, sweptIncomplete: swept }, 'file gateway ready');
  }

  async onApplicationShutdown() {
    this.health?.close();
    await Promise.allSettled([this.sftp?.close(), this.ftps?.close()]);
    this.redis.disconnect();
  }
}
