import { DomainError, normalizeCidr } from '@conduit/domain';

/** Validates and canonicalises an IP allowlist, naming each bad entry. */
export function cleanAllowlist(list: string[] | undefined, field = 'ipAllowlist'): string[] | undefined {
  if (list === undefined) return undefined;
  const bad = list.filter((entry) => normalizeCidr(entry) === null);
  if (bad.length) {
    throw DomainError.validation(
      bad.map((entry) => ({ field, message: `${field} entry "${entry}" is not an IPv4 or IPv6 CIDR range` })),
    );
  }
  return [...new Set(list.map((entry) => normalizeCidr(entry) as string))];
}
