/**
 * Debian's chromium driven by playwright-core (no browser download): the launcher the playground
 * tests and scripts/playground-measure.mjs share. A fresh user-data dir per launch, so no profile
 * state leaks between runs; the flags keep chromium from reaching the network on its own.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser (override with VMPARAMS_CHROMIUM). */
export const CHROMIUM = process.env.VMPARAMS_CHROMIUM || '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing() {
  return existsSync(CHROMIUM) ? null : `no chromium at ${CHROMIUM} (Debian: apt-get install -y chromium; or set VMPARAMS_CHROMIUM)`;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launch chromium with a fresh profile; `close()` ends it and removes the profile. */
export async function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'vmparams-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1440, height: 900 } });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
