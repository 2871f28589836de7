import { describe, expect, it } from 'vitest';
import {
  acceptedStep,
  codeAt,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeHash,
  stepAt,
} from './totp';

// RFC 6238 appendix B's SHA-1 key ("12345678901234567890") in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP codes', () => {
  it('computes the RFC 6238 test vectors (6 digits, 30 s steps, SHA-1)', () => {
    expect(codeAt(RFC_SECRET, 59_000)).toBe('287082');
    expect(codeAt(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(codeAt(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
  });

  it('accepts the current step and one either side, not two', () => {
    const now = 1_700_000_015_000;
    const step = stepAt(now);
    expect(acceptedStep(RFC_SECRET, codeAt(RFC_SECRET, now), null, now)).toBe(step);
    expect(acceptedStep(RFC_SECRET, codeAt(RFC_SECRET, now - 30_000), null, now)).toBe(step - 1);
    expect(acceptedStep(RFC_SECRET, codeAt(RFC_SECRET, now + 30_000), null, now)).toBe(step + 1);
    expect(acceptedStep(RFC_SECRET, codeAt(RFC_SECRET, now - 60_000), null, now)).toBeNull();
    expect(acceptedStep(RFC_SECRET, codeAt(RFC_SECRET, now + 60_000), null, now)).toBeNull();
  });

  it('refuses a replay: the last accepted step and earlier ones', () => {
    const now = 1_700_000_015_000;
    const code = codeAt(RFC_SECRET, now);
    const step = acceptedStep(RFC_SECRET, code, null, now)!;
    expect(acceptedStep(RFC_SECRET, code, step, now)).toBeNull();
    expect(acceptedStep(RFC_SECRET, codeAt(RFC_SECRET, now - 30_000), step, now)).toBeNull();
    expect(acceptedStep(RFC_SECRET, codeAt(RFC_SECRET, now + 30_000), step, now)).toBe(step + 1);
  });

  it('refuses wrong codes and anything that is not six digits', () => {
    const now = Date.now();
    const right = codeAt(RFC_SECRET, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(acceptedStep(RFC_SECRET, wrong, null, now)).toBeNull();
    for (const junk of ['', '12345', '1234567', 'abcdef', `${right}0`]) {
      expect(acceptedStep(RFC_SECRET, junk, null, now)).toBeNull();
    }
    expect(acceptedStep(RFC_SECRET, `${right.slice(0, 3)} ${right.slice(3)}`, null, now)).not.toBeNull();
  });

  it('makes 160-bit secrets and an otpauth URI that names the issuer and the user', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(otpauthUri(secret, 'ops@conduit.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Conduit');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(uri.pathname)).toContain('ops@conduit.test');
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes of 60 random bits', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes)
      expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it('hashes the typed forms alike (case, dashes, spaces) and different codes apart', () => {
    const [a, b] = newRecoveryCodes();
    expect(recoveryCodeHash(a.toUpperCase().replace(/-/g, ' '))).toBe(recoveryCodeHash(a));
    expect(recoveryCodeHash(a)).not.toBe(recoveryCodeHash(b));
    expect(recoveryCodeHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
