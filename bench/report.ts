import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Row } from './support/result';
import type { Summary } from './support/stats';

/** The markdown table printed at the end, and bench/results.json (gitignored) with every sample summary. */
export const RESULTS_PATH = fileURLToPath(new URL('./results.json', import.meta.url));

export interface RunInfo {
  readonly startedAt: string;
  readonly durationS: number;
  readonly machine: Readonly<Record<string, unknown>>;
  readonly args: readonly string[];
}

function number(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function span(summary: Summary | null, unit: string): string {
  if (!summary || summary.n === 0) return '—';
  if (summary.n === 1 || summary.min === summary.max) return `${number(summary.median)} ${unit}`;
  return `${number(summary.min)} / **${number(summary.median)}** / ${number(summary.max)} ${unit}`;
}

const MARK: Record<Row['status'], string> = {
  pass: '✅ pass',
  fail: '❌ FAIL',
  info: 'ℹ️ info',
  skipped: '⏭ skipped',
  error: '⚠️ error',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function table(rows: readonly Row[]): string {
  const lines = [
    '| # | figure | measured (min / **median** / max) | baseline, same run | budget | compared | result |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const baseline = row.baseline ? `${row.baseline.label}: ${span(row.baseline.value, row.baseline.unit)}` : '—';
    const compared = row.compared
      ? `${row.compared.label}: **${number(row.compared.value)}** (limit ${number(row.compared.limit)})`
      : '—';
    lines.push(
      `| ${row.id} | ${cell(row.title)} | ${cell(span(row.value, row.unit))} | ${cell(baseline)} | ${cell(row.budget)} | ${cell(compared)} | ${MARK[row.status]} |`,
    );
  }
  return lines.join('\n');
}

export function notes(rows: readonly Row[]): string {
  return rows
    .filter((row) => row.notes.length > 0)
    .map((row) => `- **${row.id}**: ${row.notes.join('; ')}`)
    .join('\n');
}

export function writeResults(rows: readonly Row[], info: RunInfo): void {
  const failed = rows.filter((row) => row.status === 'fail').map((row) => row.id);
  const errors = rows.filter((row) => row.status === 'error').map((row) => row.id);
  writeFileSync(RESULTS_PATH, `${JSON.stringify({ ...info, failed, errors, rows }, null, 2)}\n`);
}
