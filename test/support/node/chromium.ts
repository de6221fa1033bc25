/**
 * The system's Chrome or Chromium, for the browser tests (web-test-runner.config.mjs) and the end-to-end tests
 * (e2e.ts). No tool here downloads a browser: chrome-launcher finds an installed one (CHROME_PATH first).
 */
import { existsSync } from 'node:fs';
import { Launcher } from 'chrome-launcher';

/** Flags for a headless run as root on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

/** chrome-launcher skips a CHROME_PATH that does not exist and quietly takes another browser: say so instead. */
export function checkChromePath(): void {
  const fromEnv = process.env['CHROME_PATH'];
  if (fromEnv && !existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
}

/** CHROME_PATH if set, else the first installation chrome-launcher finds; throws if none. */
export function findChromium(): string {
  checkChromePath();
  let found: string | undefined;
  try {
    found = Launcher.getInstallations()[0];
  } catch {
    // chrome-launcher throws (on Linux) when it finds none, with a message that does not say what to install.
  }
  if (found) return found;
  throw new Error(
    'No Chrome or Chromium found. Install the system package (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary.',
  );
}
