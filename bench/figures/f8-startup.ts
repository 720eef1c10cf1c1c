import type { Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, stopChild } from '../support/child';
import { newPage } from '../support/chromium';
import { freePort, waitForHttp } from '../support/free-port';
import type { PageGlobals, PaintedPoint } from '../support/page-globals';
import type { Row } from '../support/result';
import { round, summarize } from '../support/stats';

/**
 * Figure 8: from starting `headless --demo --serve` (the npm script's own
 * command, `node main/headless/launch.mjs` running the bundle that `npm run build`
 * makes, without npm in front) to the first
 * viewer point painted in Chromium. The browser is already running with a
 * blank page, as a wall board's would be; the page is opened as soon as the
 * server answers HTTP, and ws-tap.js stamps the frame that paints the first
 * viewer point (from the snapshot or a patch, whichever brings one first).
 * Each run is a fresh process.
 */
const LIMIT_MS = 1_000;
const RUNS = 5;

const wall = () => performance.timeOrigin + performance.now();

async function once(browser: Browser): Promise<{ total: number; listening: number }> {
  const port = await freePort();
  const page = await newPage(browser, ['probe', 'ws-tap']);
  const started = wall();
  const child = spawn(process.execPath, ['main/headless/launch.mjs', '--demo', '--serve', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForHttp(url, 30_000).catch((cause: Error) => {
      throw new Error(`${cause.message}; stderr: ${stderr}`);
    });
    const listening = wall() - started;
    await page.goto(url);
    const first = await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__tap.first, null, {
      timeout: 30_000,
    });
    const { paintedAt } = (await first.jsonValue()) as PaintedPoint;
    return { total: paintedAt - started, listening };
  } finally {
    await page.close();
    await stopChild(child);
  }
}

export async function figure8(browser: Browser): Promise<Row[]> {
  if (!existsSync(join(ROOT, 'out/headless/cli.mjs'))) {
    throw new Error(
      'figure 8 times the built headless bundle: run `npm run build` first (out/headless/cli.mjs is missing)',
    );
  }
  const totals: number[] = [];
  const listening: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await once(browser);
    totals.push(run.total);
    listening.push(run.listening);
  }
  const value = summarize(totals);
  const server = summarize(listening);
  return [
    {
      id: '8',
      figure: 8,
      title: 'start of headless --demo --serve → first viewer point painted',
      unit: 'ms',
      value,
      baseline: null,
      budget: `median < ${LIMIT_MS} ms`,
      compared: { label: 'median, ms', value: round(value.median, 0), limit: LIMIT_MS },
      status: value.median < LIMIT_MS ? 'pass' : 'fail',
      notes: [
        `of which process start → server answering HTTP: median ${round(server.median, 0)} ms (min ${round(server.min, 0)}, max ${round(server.max, 0)}), mostly Node loading the bundle`,
        `runs: ${totals.map((ms) => round(ms, 0)).join(', ')} ms`,
      ],
    },
  ];
}
