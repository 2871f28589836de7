import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, as TOOLCHAIN.md says it runs here (no browser downloads):
 * `CHROMIUM_PATH` overrides the binary.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
