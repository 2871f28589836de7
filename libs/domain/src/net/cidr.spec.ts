import { describe, expect, it } from 'vitest';
import { canonicalAddress, ipAllowed, isValidCidr, normalizeCidr } from './cidr';

describe('CIDR allowlists', () => {
  it('treats an empty list as no restriction', () => {
    expect(ipAllowed('203.0.113.9', [])).toBe(true);
    expect(ipAllowed(null, [])).toBe(true);
  });

  it('matches IPv4 ranges and single addresses', () => {
    const list = ['10.0.0.0/8', '192.0.2.7'];
    expect(ipAllowed('10.200.3.4', list)).toBe(true);
    expect(ipAllowed('192.0.2.7', list)).toBe(true);
    expect(ipAllowed('192.0.2.8', list)).toBe(false);
    expect(ipAllowed('11.0.0.1', list)).toBe(false);
  });

  it('matches IPv6 ranges and never mixes families', () => {
    const list = ['2001:db8::/32'];
    expect(ipAllowed('2001:db8:1::5', list)).toBe(true);
    expect(ipAllowed('2001:db9::1', list)).toBe(false);
    expect(ipAllowed('10.0.0.1', list)).toBe(false);
  });

  it('compares IPv4-mapped IPv6 addresses as IPv4', () => {
    expect(ipAllowed('::ffff:10.1.2.3', ['10.0.0.0/8'])).toBe(true);
    expect(ipAllowed('::ffff:127.0.0.1', ['10.0.0.0/8'])).toBe(false);
  });

  it('refuses unknown or garbage addresses when a list applies', () => {
    expect(ipAllowed(null, ['10.0.0.0/8'])).toBe(false);
    expect(ipAllowed('not-an-ip', ['10.0.0.0/8'])).toBe(false);
  });

  it('validates and canonicalises ranges', () => {
    expect(isValidCidr('10.0.0.0/8')).toBe(true);
    expect(isValidCidr('10.0.0.0/33')).toBe(false);
    expect(isValidCidr('2001:DB8::/32')).toBe(true);
    expect(isValidCidr('banana')).toBe(false);
    expect(normalizeCidr(' 2001:DB8:0:0::/32 ')).toBe('2001:db8::/32');
    expect(normalizeCidr('192.0.2.7')).toBe('192.0.2.7/32');
  });

  it('spells each address one way', () => {
    expect(canonicalAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(canonicalAddress('::FFFF:c000:0207')).toBe('192.0.2.7');
    expect(canonicalAddress(' 192.0.2.7 ')).toBe('192.0.2.7');
    expect(canonicalAddress('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(canonicalAddress('not an address')).toBeNull();
    expect(canonicalAddress(undefined)).toBeNull();
  });
});
