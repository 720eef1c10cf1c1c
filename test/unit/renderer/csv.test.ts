import { describe, expect, it } from 'vitest';
import { csvCell, exportFileName, isoTime, toCsv } from '../../../renderer/src/export/csv';
import { readCsvRows } from '../../support/read-csv';

describe('csv', () => {
  it('quotes commas, quotes and line breaks, and reads back to the same text', () => {
    const nasty = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', ' padded ', '서울 · Seoul'];
    const csv = toCsv(
      ['value'],
      nasty.map((v) => [v]),
    );
    expect(
      readCsvRows(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(nasty);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\r=1']) {
      const cell = readCsvRows(toCsv(['x'], [[formula]]))[1]![0]!;
      expect(cell.startsWith("'"), formula).toBe(true);
      expect(cell.slice(1)).toBe(formula);
    }
  });

  it('leaves numbers numeric, negative ones included, and empties unknowns', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('+4.25')).toBe('+4.25');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('ends every line with CRLF, header first', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x'],
          [2, null],
        ],
      ),
    ).toBe('a,b\r\n1,x\r\n2,\r\n');
  });

  it('writes times as UTC ISO 8601 and file names without colons', () => {
    const at = Date.UTC(2025, 9, 9, 14, 3, 10, 250);
    expect(isoTime(at)).toBe('2025-10-09T14:03:10.250Z');
    expect(isoTime(null)).toBe('');
    expect(exportFileName('sessions', at)).toBe('streamwatch-sessions-2025-10-09T14-03-10Z.csv');
  });
});
