import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export type AddressClass =
  'public' | 'loopback' | 'private' | 'link-local' | 'metadata' | 'multicast' | 'unspecified' | 'reserved';

/** Cloud instance-metadata services (AWS, ECS, GCP/Azure share 169.254.169.254, Alibaba, AWS IPv6). */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);

export function classifyAddress(ip: string): AddressClass {
  let addr = ipaddr.parse(ip.replace(/^\[|\]$/g, ''));
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (METADATA.has(addr.toNormalizedString()) || METADATA.has(addr.toString())) return 'metadata';
  switch (addr.range()) {
    case 'unicast':
      return 'public';
    case 'loopback':
      return 'loopback';
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
      return 'private';
    case 'linkLocal':
      return 'link-local';
    case 'multicast':
      return 'multicast';
    case 'unspecified':
      return 'unspecified';
    default:
      return 'reserved';
  }
}

export function isAllowedAddress(ip: string, o: { allowPrivateTargets: boolean }): boolean {
  const c = classifyAddress(ip);
  return c === 'public' || (o.allowPrivateTargets && (c === 'loopback' || c === 'private'));
}

/** A target refused by the SSRF rules (webhooks.md "Source addresses and SSRF"). */
export class SsrfRefusal extends Error {
  readonly code = 'ssrf';
  constructor(host: string, address: string, kind: AddressClass) {
    const what = kind === 'metadata' ? 'a cloud metadata address' : `a ${kind} address`;
    super(host === address ? `${address} is ${what}` : `${host} resolves to ${address}, ${what}`);
  }
}

export class InvalidWebhookUrl extends Error {}

export function checkUrlShape(raw: string, o: { allowHttp: boolean }): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidWebhookUrl('is not an absolute URL');
  }
  if (url.protocol !== 'https:' && !(o.allowHttp && url.protocol === 'http:'))
    throw new InvalidWebhookUrl(o.allowHttp ? 'must be an http or https URL' : 'must be an https URL');
  if (url.username || url.password) throw new InvalidWebhookUrl('must not carry credentials (use authType)');
  if (!url.hostname) throw new InvalidWebhookUrl('has no host');
  url.hash = '';
  return url;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;
const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/** Every address of `host`, refused if any is disallowed; answers the vetted addresses. */
export async function vetHost(
  host: string,
  o: { allowPrivateTargets: boolean; resolve?: Resolver },
): Promise<{ address: string; family: 4 | 6 }[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(bare)
    ? [{ address: bare, family: bare.includes(':') ? 6 : 4 }]
    : await (o.resolve ?? systemResolver)(bare);
  if (addresses.length === 0) throw new InvalidWebhookUrl(`${bare} does not resolve`);
  for (const a of addresses)
    if (!isAllowedAddress(a.address, o)) throw new SsrfRefusal(bare, a.address, classifyAddress(a.address));
  return addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/** Shape check, then the SSRF check of every address the host resolves to. */
export async function vetUrl(
  raw: string,
  o: { allowHttp: boolean; allowPrivateTargets: boolean; resolve?: Resolver },
): Promise<{ url: URL; address: string; family: 4 | 6 }> {
  const url = checkUrlShape(raw, o);
  const [first] = await vetHost(url.hostname, o);
  return { url, ...first };
}

/**
 * A `lookup` for http(s) agents: resolves, refuses unless every address is allowed, and gives the
 * socket the vetted address, so nothing is resolved again between the check and the connect.
 * (Node skips `lookup` for IP literals: `post` callers vet those with `vetHost` first.)
 */
export function pinnedLookup(o: { allowPrivateTargets: boolean; resolve?: Resolver }): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    vetHost(hostname, o).then(
      (addresses) => {
        if (options?.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (err: Error) => callback(err),
    );
  }) as unknown as LookupFunction;
}
