/**
 * Every setting Conduit reads, with its default. The README's configuration table mirrors this
 * file; keep them together.
 */
export interface ConduitConfig {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  databaseUrl: string;
  redisUrl: string;
  logLevel: string;
  /** Express-style trust proxy: `false`, `true`, or a comma list of addresses/CIDRs (no hop count). */
  trustProxy: boolean | string;
  publicBaseUrl: string;
  adminSessionIdleMs: number;
  cookieSecure: boolean;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  loginLockoutSeconds: number;
  loginSlowdownAfter: number;
  consoleDir: string | null;
  webhookSourceIps: string[];
  workerConcurrency: number;
  version: string;
  /** `1:<base64 32 bytes>,2:…`: card vault master keys; the highest version is current. */
  vaultMasterKeys: string | null;
  sandboxLatencyMs: number;
  /** A payment plan charge in flight longer than this is a dead worker's, resumed (decision 0024). */
  planChargeLeaseMs: number;
  /** Requests per second each API credential may make (REST, NVP). */
  rateLimitPerSecond: number;
  /** PostgreSQL connections per api or worker process. */
  databasePoolSize: number;
  /**
   * PostgreSQL `synchronous_commit` for this process's connections. The api keeps `on` (payments
   * are durable when answered); the worker defaults to `off` (decision 0008).
   */
  databaseSynchronousCommit: boolean;
  webhooks: WebhookSettings;
  /** Lifetime of a single sign-on token (sso-and-polling.md: 15 minutes). */
  ssoTokenTtlMs: number;
  fileGateway: FileGatewaySettings;
  observability: ObservabilitySettings;
}

/**
 * Metrics, traces and the queue view (docs/observability.md, decision 0036). Every switch is off
 * by default; when off, nothing of it is loaded.
 */
export interface ObservabilitySettings {
  /** Prometheus metrics: `GET /metrics` on the api's port, and on METRICS_PORT in the worker. */
  metricsEnabled: boolean;
  /** Bearer token a scraper must send; required in production when metrics are on. */
  metricsToken: string | null;
  /** The worker's metrics listener (the api serves /metrics on its own port). */
  metricsHost: string;
  metricsPort: number;
  /** OpenTelemetry traces over OTLP/HTTP (the standard OTEL_EXPORTER_OTLP_* variables). */
  tracesEnabled: boolean;
  /** Bull Board at /admin/queues for platform admins. */
  bullBoardEnabled: boolean;
}

/** The SFTP/FTPS file gateway (batch-files.md) and the encrypted file store it shares. */
export interface FileGatewaySettings {
  /** Bind address of every listener. */
  host: string;
  /** The host name accounts connect to, shown in platform-info and by npm start. */
  publicHost: string;
  sftpPasswordPort: number;
  sftpKeyPort: number;
  ftpsPort: number;
  /** Passive data ports, inclusive. */
  ftpsPassiveMin: number;
  ftpsPassiveMax: number;
  /** The address put in PASV answers; empty: the control connection's local address. */
  ftpsPassiveAddress: string;
  /** Where host keys and the FTPS certificate are made on first start (development, test). */
  keysDir: string;
  /** Production: paths of the host keys and the TLS certificate and key. */
  hostKeyEd25519Path: string | null;
  hostKeyRsaPath: string | null;
  tlsCertPath: string | null;
  tlsKeyPath: string | null;
  /** Sealed file contents (DISK stored files); shared by every gateway replica and worker. */
  storageDir: string;
  maxFileBytes: number;
  defaultQuotaBytes: number;
  /** Failed logins from one address before it is slowed, then banned. */
  slowdownAfter: number;
  banAfter: number;
  banSeconds: number;
  /** Addresses/CIDRs never banned (monitoring, a partner's fixed egress). */
  safelist: string[];
  /** GET /health of the gateway process (0: none). */
  healthPort: number;
}

/** Webhook delivery (webhooks.md); tests shorten the timings. */
export interface WebhookSettings {
  retryIntervalMs: number;
  maxAttempts: number;
  timeoutMs: number;
  /** Loopback and private targets (never link-local or metadata addresses). */
  allowPrivateTargets: boolean;
  /** Plain http:// endpoint URLs; https only when false. */
  allowHttp: boolean;
  /** Concurrent deliveries per worker process. */
  concurrency: number;
  /** How long a rotated signing secret keeps signing beside the new one. */
  secretRotationGraceMs: number;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required (npm start sets it; see README "Configuration")`);
  return value;
}

/**
 * `true`, `false`, or the proxies' addresses and CIDRs. A hop count is refused: it cannot tell the
 * proxy from a client that sends X-Forwarded-For itself, and Fastify 5.12 now trusts no address
 * for one (it fails closed), so a count would silently log and throttle by the proxy's address.
 */
function trustProxy(raw: string | undefined): boolean | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw))
    throw new Error(
      `TRUST_PROXY must be true, false or the proxies' addresses/CIDRs (comma-separated), not a hop count ("${raw}")`,
    );
  return raw;
}

function portRange(env: Env, name: string, fallback: string): [number, number] {
  const raw = env[name] || fallback;
  const m = /^(\d{1,5})-(\d{1,5})$/.exec(raw);
  const [min, max] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || min < 1 || max > 65535 || min > max)
    throw new Error(`${name} must be a port range like 28000-30000, got "${raw}"`);
  return [min, max];
}

const MIB = 1024 * 1024;

/** Read apart from loadConfig too: tracing starts before anything else is loaded. */
export function observabilitySettings(env: Env = process.env): ObservabilitySettings {
  const production = (env.NODE_ENV ?? 'development') === 'production';
  const metricsEnabled = bool(env, 'METRICS_ENABLED', false);
  const metricsToken = env.METRICS_TOKEN || null;
  if (production && metricsEnabled && !metricsToken)
    throw new Error('METRICS_TOKEN is required when METRICS_ENABLED=true in production');
  return {
    metricsEnabled,
    metricsToken,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    metricsPort: int(env, 'METRICS_PORT', 9464),
    tracesEnabled: bool(env, 'OTEL_TRACES_ENABLED', false),
    bullBoardEnabled: bool(env, 'BULL_BOARD_ENABLED', false),
  };
}

function fileGateway(env: Env, nodeEnv: ConduitConfig['nodeEnv']): FileGatewaySettings {
  const dataDir = env.CONDUIT_DATA_DIR || '.data';
  const [ftpsPassiveMin, ftpsPassiveMax] = portRange(env, 'FTPS_PASSIVE_PORTS', '28000-30000');
  const production = nodeEnv === 'production';
  return {
    host: env.FILE_GATEWAY_HOST ?? '0.0.0.0',
    publicHost: env.FILE_GATEWAY_PUBLIC_HOST || 'localhost',
    sftpPasswordPort: int(env, 'SFTP_PASSWORD_PORT', production ? 22 : 2222),
    sftpKeyPort: int(env, 'SFTP_KEY_PORT', 2201),
    ftpsPort: int(env, 'FTPS_PORT', production ? 21 : 2121),
    ftpsPassiveMin,
    ftpsPassiveMax,
    ftpsPassiveAddress: env.FTPS_PASSIVE_ADDRESS ?? '',
    keysDir: env.FILE_GATEWAY_KEYS_DIR || `${dataDir}/file-gateway`,
    hostKeyEd25519Path: env.SSH_HOST_KEY_ED25519 || null,
    hostKeyRsaPath: env.SSH_HOST_KEY_RSA || null,
    tlsCertPath: env.FTPS_TLS_CERT || null,
    tlsKeyPath: env.FTPS_TLS_KEY || null,
    storageDir: env.FILE_STORAGE_DIR || `${dataDir}/files`,
    maxFileBytes: int(env, 'FILE_MAX_BYTES', 100 * MIB),
    defaultQuotaBytes: int(env, 'SFTP_DEFAULT_QUOTA_BYTES', 1024 * MIB),
    slowdownAfter: int(env, 'FILE_GATEWAY_SLOWDOWN_AFTER', 3),
    banAfter: Math.max(1, int(env, 'FILE_GATEWAY_BAN_AFTER', 10)),
    banSeconds: int(env, 'FILE_GATEWAY_BAN_SECONDS', 900),
    safelist: (env.FILE_GATEWAY_SAFELIST ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    healthPort: int(env, 'FILE_GATEWAY_HEALTH_PORT', 0),
  };
}

export function loadConfig(env: Env = process.env): ConduitConfig {
  const nodeEnv = (env.NODE_ENV ?? 'development') as ConduitConfig['nodeEnv'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    throw new Error(`NODE_ENV must be development, test or production, got "${nodeEnv}"`);
  }
  const port = int(env, 'PORT', 3000);
  return {
    nodeEnv,
    host: env.HOST ?? '0.0.0.0',
    port,
    databaseUrl: required(env, 'DATABASE_URL'),
    redisUrl: required(env, 'REDIS_URL'),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    trustProxy: trustProxy(env.TRUST_PROXY),
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    // PCI DSS 8.2.8: a console idle for 15 minutes signs in again.
    adminSessionIdleMs: int(env, 'ADMIN_SESSION_IDLE_MS', 15 * 60 * 1000),
    cookieSecure: (env.COOKIE_SECURE ?? (nodeEnv === 'production' ? 'true' : 'false')) === 'true',
    loginMaxFailuresPerAccount: int(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 10),
    loginMaxFailuresPerIp: int(env, 'LOGIN_MAX_FAILURES_PER_IP', 50),
    // PCI DSS 8.3.4: a lockout lasts at least 30 minutes.
    loginLockoutSeconds: int(env, 'LOGIN_LOCKOUT_SECONDS', 1800),
    loginSlowdownAfter: int(env, 'LOGIN_SLOWDOWN_AFTER', 3),
    consoleDir: env.CONSOLE_DIR ?? null,
    webhookSourceIps: (env.WEBHOOK_SOURCE_IPS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    workerConcurrency: int(env, 'WORKER_CONCURRENCY', 8),
    version: env.CONDUIT_VERSION ?? '0.1.0',
    vaultMasterKeys: env.VAULT_MASTER_KEYS || null,
    sandboxLatencyMs: int(env, 'SANDBOX_LATENCY_MS', 0),
    planChargeLeaseMs: int(env, 'PLAN_CHARGE_LEASE_MS', 120_000),
    rateLimitPerSecond: int(env, 'RATE_LIMIT_PER_SECOND', 2000),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 20),
    databaseSynchronousCommit: bool(env, 'DATABASE_SYNCHRONOUS_COMMIT', true),
    ssoTokenTtlMs: Math.max(1000, int(env, 'SSO_TOKEN_TTL_MS', 15 * 60 * 1000)),
    fileGateway: fileGateway(env, nodeEnv),
    observability: observabilitySettings(env),
    webhooks: {
      retryIntervalMs: int(env, 'WEBHOOK_RETRY_INTERVAL_MS', 30 * 60 * 1000),
      maxAttempts: Math.max(1, int(env, 'WEBHOOK_MAX_ATTEMPTS', 5)),
      timeoutMs: Math.max(1, int(env, 'WEBHOOK_TIMEOUT_MS', 20_000)),
      allowPrivateTargets: bool(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', nodeEnv !== 'production'),
      allowHttp: bool(env, 'WEBHOOK_ALLOW_HTTP', nodeEnv !== 'production'),
      concurrency: Math.max(1, int(env, 'WEBHOOK_CONCURRENCY', 128)),
      secretRotationGraceMs: int(env, 'WEBHOOK_SECRET_ROTATION_GRACE_MS', 24 * 60 * 60 * 1000),
    },
  };
}
