import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';
import { DEMO } from './client';

/** A zeep result: the result element's fields (nested records and lists as zeep parsed them). */
export type ZeepOut = Record<string, unknown> & { fault?: string };

/** Debian's python3-zeep (run with /usr/bin/python3) builds its client from the WSDL alone. */
export function zeep(
  service: string,
  soap12: boolean,
  calls: { op: string; args: Record<string, unknown> }[],
  account: { identifier: string; password: string } = DEMO.lakeside.account,
): ZeepOut[] {
  const url = `${inject('apiUrl')}${service}`;
  const spec = {
    wsdl: `${url}?wsdl`,
    endpoint: url,
    user: account.identifier,
    password: account.password,
    soap12,
    calls,
  };
  const out = execFileSync(
    '/usr/bin/python3',
    [path.resolve(__dirname, '../support/zeep_client.py'), JSON.stringify(spec)],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return JSON.parse(out) as ZeepOut[];
}
