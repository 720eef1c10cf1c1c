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

/** A small RFC 4180 reader: what a spreadsheet would see. Returns objects keyed by the header. */
export function readCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  const [header = [], ...body] = rows;
  return body.map((values) => Object.fromEntries(header.map((name, index) => [name, values[index] ?? ''])));
}
