import { chromium, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/support/chromium';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/** The app window's size (main/app/window.ts): rows in view depend on it. */
export const VIEWPORT = { width: 1280, height: 820 };

export function launchChromium(): Promise<Browser> {
  // launch() gives each browser a new empty profile of its own.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** In-page helpers (plain browser JavaScript in bench/page/), injected before the app's own scripts. */
export function pageScript(name: 'probe' | 'fake-api' | 'ws-tap'): string {
  return readFileSync(fileURLToPath(new URL(`../page/${name}.js`, import.meta.url)), 'utf8');
}

export async function newPage(
  browser: Browser,
  scripts: ReadonlyArray<'probe' | 'fake-api' | 'ws-tap'>,
): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  for (const name of scripts) await page.addInitScript({ content: pageScript(name) });
  return page;
}
