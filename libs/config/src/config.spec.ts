import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const base = { DATABASE_URL: 'postgresql://x/y', REDIS_URL: 'redis://x' };

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.nodeEnv).toBe('development');
    expect(c.trustProxy).toBe(false);
    expect(c.adminSessionIdleMs).toBe(15 * 60 * 1000); // PCI DSS 8.2.8
    expect(c.loginLockoutSeconds).toBeGreaterThanOrEqual(30 * 60); // PCI DSS 8.3.4
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
    expect(c.cookieSecure).toBe(false);
  });

  it('requires the database and Redis URLs', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://x' })).toThrow(/DATABASE_URL is required/);
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://x' })).toThrow(/REDIS_URL is required/);
  });

  it('parses trust proxy forms and refuses hop counts and bad numbers', () => {
    expect(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '2' })).toThrow(/not a hop count/);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
    expect(() => loadConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT must be/);
  });

  it('secures cookies in production and splits webhook source addresses', () => {
    const c = loadConfig({
      ...base,
      NODE_ENV: 'production',
      WEBHOOK_SOURCE_IPS: '198.51.100.1, 198.51.100.2',
    });
    expect(c.cookieSecure).toBe(true);
    expect(c.webhookSourceIps).toEqual(['198.51.100.1', '198.51.100.2']);
  });
});
