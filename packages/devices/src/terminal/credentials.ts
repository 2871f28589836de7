import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

/** What pairing gives a terminal; the secret is shown once, so it is kept in a file of its own. */
export interface TerminalCredentials {
  terminalDeviceId: string;
  deviceSecret: string;
  outlet?: { merchantId: string; storeId: string; terminalId: string };
  connectUrl: string;
}

export function readCredentials(file: string): TerminalCredentials | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const c = JSON.parse(text) as Partial<TerminalCredentials>;
  if (typeof c.terminalDeviceId !== 'string' || typeof c.deviceSecret !== 'string')
    throw new Error(`${file} holds no terminal credentials`);
  return { connectUrl: '/rest/terminals/connect', ...c } as TerminalCredentials;
}

/** Writes the credentials readable by their owner only (0600), whatever the umask. */
export function writeCredentials(file: string, credentials: TerminalCredentials): void {
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
