import { cpus, loadavg, release, setPriority, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import type { SoakResult } from './engine/soak';
import { figure1 } from './figures/f1-parse';
import { figure2 } from './figures/f2-patch-bytes';
import { figure3 } from './figures/f3-update-frame';
import { figure4 } from './figures/f4-table-dom';
import { figure5 } from './figures/f5-heap';
import { figure6 } from './figures/f6-engine-cpu';
import { figure7 } from './figures/f7-freshness';
import { figure8 } from './figures/f8-startup';
import { figure9 } from './figures/f9-requests';
import { notes, RESULTS_PATH, table, writeResults } from './report';
import { firstJsonLine, spawnTs, stopChild } from './support/child';
import { launchChromium } from './support/chromium';
import { ensureRendererBuilt, RENDERER_OUT } from './support/renderer-build';
import { unavailable, type Row } from './support/result';
import { startStaticSite } from './support/static-site';

/**
 * `npm run bench`: every figure of issue 10 with its baseline from the same
 * run, a markdown table on stdout, bench/results.json, and exit code 1 when a
 * budget is missed or a figure could not be measured.
 *
 *   --only 1,2,9      run some figures
 *   --soak-hours 6    a shorter soak while developing (figure 5 is then "skipped")
 *
 * Order: the 24-hour soak (figures 5 and 9) runs in a child process at the
 * lowest CPU priority from the start, so it only uses time the measured
 * figures leave idle; the in-process figures, the 60 s CPU window and the
 * Chromium figures run meanwhile, one after another.
 */
const { values } = parseArgs({
  options: { only: { type: 'string' }, 'soak-hours': { type: 'string', default: '24' } },
});
const only = values.only ? new Set(values.only.split(',').map((n) => Number(n.trim()))) : null;
const wants = (figure: number) => only === null || only.has(figure);
const soakHours = Number(values['soak-hours']);

const TITLES: Record<number, [string, string]> = {
  1: ['parse + validate + map one full page per platform', '≤ 3× JSON.parse'],
  2: ['patch bytes per steady-state poll', '≤ 5 % of a snapshot'],
  3: ['renderer update frame with 1,500 new sessions', 'p95 < 16.7 ms, no long task > 50 ms'],
  4: ['sessions table DOM while scrolling', '≤ 2× rows in view'],
  5: ['engine heap over 24 simulated hours', '< 150 MB, < 5 % growth over 12 h'],
  6: ['engine CPU over 60 s', '< 2 % of one core'],
  7: ['data freshness', '< 100 ms added'],
  8: ['headless start to first point painted', '< 2 s'],
  9: ['requests per minute per platform account', '≤ 50 % of the documented limit'],
};

const log = (text: string) => process.stderr.write(`bench: ${text}\n`);

async function guarded(figure: number, run: () => Promise<Row[]>): Promise<Row[]> {
  if (!wants(figure)) return [];
  const started = performance.now();
  log(`figure ${figure}: ${TITLES[figure]![0]}…`);
  try {
    const rows = await run();
    log(`figure ${figure} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return rows;
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    log(`figure ${figure} could not be measured: ${why}`);
    return [unavailable(String(figure), figure, TITLES[figure]![0], TITLES[figure]![1], 'error', why.slice(0, 600))];
  }
}

function startSoak(): Promise<SoakResult> {
  const child = spawnTs('bench/engine/soak-child.ts', [String(soakHours)], ['--expose-gc']);
  // Nice 19: the soak's results (heap, request counts) do not depend on its speed, the other figures' do.
  if (child.pid !== undefined) setPriority(child.pid, 19);
  return firstJsonLine<SoakResult>(child, 20 * 60_000).finally(() => void stopChild(child));
}

async function withChromium(run: (browser: Browser, rendererNote: string) => Promise<Row[]>): Promise<Row[]> {
  const figures = [3, 4, 7, 8].filter(wants);
  if (figures.length === 0) return [];
  let note: string;
  let browser: Browser;
  try {
    note = ensureRendererBuilt();
    browser = await launchChromium();
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    return figures.map((figure) =>
      unavailable(String(figure), figure, TITLES[figure]![0], TITLES[figure]![1], 'error', why),
    );
  }
  try {
    return await run(browser, note);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  const soak = wants(5) || wants(9) ? startSoak() : null;
  // Keeps an early rejection from being reported as unhandled while the other figures run.
  soak?.catch(() => undefined);

  const rows: Row[] = [];
  rows.push(...(await guarded(1, figure1)));
  rows.push(...(await guarded(2, figure2)));
  rows.push(...(await guarded(6, figure6)));
  let chromiumVersion = 'not run';
  let rendererNote = '';
  rows.push(
    ...(await withChromium(async (browser, note) => {
      chromiumVersion = browser.version();
      rendererNote = note;
      const site = await startStaticSite(RENDERER_OUT);
      try {
        return [
          ...(await guarded(3, () => figure3(browser, site))),
          ...(await guarded(4, () => figure4(browser, site))),
          ...(await guarded(7, () => figure7(browser))),
          ...(await guarded(8, () => figure8(browser))),
        ];
      } finally {
        await site.close();
      }
    })),
  );
  if (soak) {
    log(`waiting for the ${soakHours}-hour soak (figures 5 and 9)…`);
    const soakRows = await soak.then(
      (result) => [...(wants(5) ? figure5(result) : []), ...(wants(9) ? figure9(result) : [])],
      (cause: Error) =>
        [5, 9]
          .filter(wants)
          .map((figure) =>
            unavailable(
              String(figure),
              figure,
              TITLES[figure]![0],
              TITLES[figure]![1],
              'error',
              cause.message.slice(0, 600),
            ),
          ),
    );
    rows.push(...soakRows);
  }
  rows.sort((a, b) => a.figure - b.figure || a.id.localeCompare(b.id));

  const durationS = Math.round((performance.now() - started) / 100) / 10;
  const cpu = cpus();
  const machine = {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    chromium: chromiumVersion,
    loadAverage: {
      before: loadBefore.map((n) => Math.round(n * 100) / 100),
      after: loadavg().map((n) => Math.round(n * 100) / 100),
    },
  };
  writeResults(rows, { startedAt, durationS, machine, args: process.argv.slice(2) });

  const failed = rows.filter((row) => row.status === 'fail');
  const errors = rows.filter((row) => row.status === 'error');
  console.log(`## Streamwatch bench — ${startedAt}\n`);
  console.log(
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, Chromium ${chromiumVersion}; load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')} at the start; ${durationS} s.\n`,
  );
  console.log(table(rows));
  console.log(`\n${notes(rows)}${rendererNote ? `\n- renderer: ${rendererNote}` : ''}\n`);
  console.log(`Written to ${RESULTS_PATH}.`);
  if (failed.length > 0)
    console.log(
      `\nBudgets missed: ${failed.map((row) => `${row.id} (${row.title}: ${row.compared?.label} ${row.compared?.value} > ${row.compared?.limit})`).join('; ')}.`,
    );
  if (errors.length > 0)
    console.log(`\nNot measured: ${errors.map((row) => `${row.id} (${row.notes[0] ?? 'error'})`).join('; ')}.`);
  return failed.length > 0 || errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (cause: unknown) => {
    console.error(cause);
    process.exit(1);
  },
);
