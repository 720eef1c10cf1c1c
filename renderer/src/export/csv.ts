/**
 * CSV as spreadsheets read it (RFC 4180: CRLF line ends, quotes doubled).
 * Cells come from platforms and users (titles, viewer ids, error sentences),
 * so a cell that a spreadsheet would run as a formula is defused with a
 * leading apostrophe (OWASP "CSV injection"); plain numbers are left alone.
 */
export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make Excel, LibreOffice or Sheets treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = typeof value === 'boolean' ? String(value) : value;
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Times in exports are UTC ISO 8601: unambiguous whatever the reader's time zone. */
export function isoTime(at: number | null | undefined): string {
  return at === null || at === undefined || !Number.isFinite(at) ? '' : new Date(at).toISOString();
}

/** "streamwatch-sessions-2025-10-09T14-03-10Z.csv": sortable, and legal on every file system. */
export function exportFileName(what: string, at: number, extension = 'csv'): string {
  const stamp = new Date(at)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return `streamwatch-${what}-${stamp}.${extension}`;
}
