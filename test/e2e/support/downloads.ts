import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

export interface Downloaded {
  readonly fileName: string;
  readonly text: string;
}

/** Clicks what starts a download and reads the file the browser saved (the BOM, if any, removed). */
export async function download(page: Page, trigger: Locator): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await file.path();
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return { fileName: file.suggestedFilename(), text };
}

export { readCsv } from '../../support/read-csv';
