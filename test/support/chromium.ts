/**
 * Debian's Chromium (Playwright cannot download its own browser here) with the
 * flags that keep it quiet on a closed network: without the background-networking
 * ones it keeps trying hosts it cannot reach. Shared by the e2e tests and the bench.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
