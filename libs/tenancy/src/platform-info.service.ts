import { Inject, Injectable } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';

/** Settings merchants need to see (admin-api.md). SFTP arrives with the batch-files work. */
@Injectable()
export class PlatformInfoService {
  constructor(@Inject(CONDUIT_CONFIG) private readonly c: ConduitConfig) {}

  info() {
    const c = this.c;
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
      sftp: {
        host: new URL(c.publicBaseUrl).hostname,
        port: null,
        ftpsPort: null,
        hostKeyFingerprints: [] as string[],
      },
    };
  }
}
