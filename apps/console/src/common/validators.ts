import { regex, type Validator } from 'react-admin';

export const merchantIdFormat = regex(/^\d{13}$/, 'conduit.validation.merchant_id');
export const threeDigits = regex(/^\d{3}$/, 'conduit.validation.three_digits');
export const cutoffFormat = regex(/^\d{2}:\d{2}$/, 'conduit.validation.cutoff');

const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9a-fA-F:]+(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/;

export const isCidr = (value: string): boolean =>
  IPV4.test(value) || (value.includes(':') && IPV6.test(value));

/** Validates a string[] of IPv4/IPv6 addresses or CIDR ranges. */
export const cidrList: Validator = (value: unknown) => {
  if (!Array.isArray(value)) return undefined;
  const bad = value.map(String).filter((v) => !isCidr(v.trim()));
  return bad.length > 0
    ? { message: 'conduit.validation.not_cidr', args: { values: bad.join(', ') } }
    : undefined;
};

/** Keeps only the listed keys: react-admin sends the whole record on PUT, the API accepts only writable fields. */
export const pick =
  <K extends string>(...keys: K[]) =>
  (data: Record<string, unknown>): Partial<Record<K, unknown>> => {
    const out: Partial<Record<K, unknown>> = {};
    for (const key of keys) if (key in data) out[key] = data[key];
    return out;
  };
