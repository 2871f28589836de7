import ipaddr from 'ipaddr.js';

/** An IPv4/IPv6 CIDR range, or a single address (taken as /32 or /128). */
export function isValidCidr(value: string): boolean {
  return parseRange(value) !== null;
}

/** Canonical text of a range (`10.0.0.0/8`, `2001:db8::/32`), or null when it is not one. */
export function normalizeCidr(value: string): string | null {
  const range = parseRange(value);
  if (!range) return null;
  const [address, bits] = range;
  return `${address.toString()}/${bits}`;
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseRange(value: string): Range | null {
  const text = value.trim();
  try {
    if (text.includes('/')) return ipaddr.parseCIDR(text);
    const address = ipaddr.parse(text);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return null;
  }
}

/** IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) are compared as IPv4. */
function parseAddress(value: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const address = ipaddr.parse(value.trim());
    if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
      return (address as ipaddr.IPv6).toIPv4Address();
    }
    return address;
  } catch {
    return null;
  }
}

/**
 * One spelling per address, for keys and logs: IPv4-mapped IPv6 as IPv4 (`::ffff:1.2.3.4` →
 * `1.2.3.4`), IPv6 compressed and lower-case. Null when it is not an address.
 */
export function canonicalAddress(ip: string | null | undefined): string | null {
  return ip ? (parseAddress(ip)?.toString() ?? null) : null;
}

/**
 * Whether `ip` may pass a list. An empty list means no restriction (tenancy.md). An unparseable
 * address never passes a non-empty list.
 */
export function ipAllowed(ip: string | null | undefined, allowlist: readonly string[]): boolean {
  if (allowlist.length === 0) return true;
  const address = ip ? parseAddress(ip) : null;
  if (!address) return false;
  return allowlist.some((entry) => {
    const range = parseRange(entry);
    if (!range || range[0].kind() !== address.kind()) return false;
    return address.match(range);
  });
}
