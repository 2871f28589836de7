import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { REDIS } from '@conduit/queues';

/** Where the file gateway publishes its SSH host key fingerprints when it starts. */
export const FILE_GATEWAY_HOST_KEYS = 'file-gateway:host-keys';

export interface HostKeyFingerprints {
  ed25519: string;
  rsa: string;
}

/** Settings merchants need to see (admin-api.md). */
@Injectable()
export class PlatformInfoService {
  constructor(
    @Inject(CONDUIT_CONFIG) private readonly c: ConduitConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /**
   * The fingerprints as the running gateway published them (null before any gateway started):
   * the gateway owns its keys, so the api never reads key files it may not even have.
   */
  private async hostKeys(): Promise<HostKeyFingerprints | null> {
    const raw = await this.redis.get(FILE_GATEWAY_HOST_KEYS);
    if (!raw) return null;
    try {
      const v = JSON.parse(raw) as Partial<HostKeyFingerprints>;
      return typeof v.ed25519 === 'string' && typeof v.rsa === 'string'
        ? { ed25519: v.ed25519, rsa: v.rsa }
        : null;
    } catch {
      return null;
    }
  }

  async info() {
    const c = this.c;
    const g = c.fileGateway;
    const hostKeyFingerprints = await this.hostKeys();
    return {
      name: 'Conduit',
      version: c.version,
      environment: c.nodeEnv,
      urls: {
        api: c.publicBaseUrl,
        console: `${c.publicBaseUrl}/console/`,
        nvp: `${c.publicBaseUrl}/payment/NVP.aspx`,
        rest: `${c.publicBaseUrl}/rest`,
        restDocs: `${c.publicBaseUrl}/rest/docs`,
      },
      webhookSourceIps: c.webhookSourceIps,
      fileGateway: {
        host: g.publicHost,
        sftpPasswordPort: g.sftpPasswordPort,
        sftpKeyPort: g.sftpKeyPort,
        ftpsPort: g.ftpsPort,
        ftpsPassivePorts: `${g.ftpsPassiveMin}-${g.ftpsPassiveMax}`,
        hostKeyFingerprints,
      },
      /** The earlier summary, kept for existing readers; `fileGateway` has the detail. */
      sftp: {
        host: g.publicHost,
        port: g.sftpPasswordPort,
        ftpsPort: g.ftpsPort,
        hostKeyFingerprints: hostKeyFingerprints
          ? [`ED25519 ${hostKeyFingerprints.ed25519}`, `RSA ${hostKeyFingerprints.rsa}`]
          : [],
      },
    };
  }
}
