// Shared by the renderer's unit tests and the e2e download checks.
/** A small RFC 4180 reader: what a spreadsheet would read back, row by row. */
export function readCsvRows(text: string): string[][] {
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
  return rows;
}

/** The same, as objects keyed by the header row. */
export function readCsv(text: string): Array<Record<string, string>> {
  const [header = [], ...body] = readCsvRows(text);
  return body.map((values) => Object.fromEntries(header.map((name, index) => [name, values[index] ?? ''])));
}
