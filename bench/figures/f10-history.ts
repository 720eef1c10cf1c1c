import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DEFAULT_RETENTION, tierFor } from '@shared/model/history';
import type { Session } from '@shared/model/samples';
import type { HistoryStore } from '../../main/engine/history/port';
import { openHistory } from '../../main/history/open-history';
import { sessionsFor } from '../pages/held-sessions';
import { FLEET } from '../support/fleet';
import { judge, type Row } from '../support/result';
import { round, summarize } from '../support/stats';

/**
 * Figure 10: the history file. A file is filled through the real write path
 * with 90 days of 10 sources (a reading a minute for the last 7 days, every
 * five minutes before, which makes the same buckets) and pruned to the
 * default retention; then it is queried and pruned while the event loop's
 * delay is watched.
 */
const DAY = 86_400_000;
/** The bench's usual fleet of ten sources on the four platforms: its sessions are the mix stored. */
const SOURCES = FLEET.map((source) => source.id);
const NOW = Date.parse('2026-12-05T12:00:00Z');
const SESSIONS_PER_HOUR = 1_500;
/** Sessions are written for this many days and the file growth scaled to 30 (a full month takes minutes to write). */
const SESSION_DAYS_WRITTEN = 2;

function fill(store: HistoryStore): void {
  for (let day = 90; day > 0; day--) {
    const step = day > 7 ? 5 * 60_000 : 60_000;
    for (const sourceId of SOURCES) {
      for (let hour = 0; hour < 24; hour++) {
        const start = NOW - day * DAY + hour * 3_600_000;
        const points = [];
        for (let at = start; at < start + 3_600_000; at += step) points.push({ at, viewers: (at / step) % 500 });
        store.write({ points: [{ sourceId, points }], sessions: [], health: [], incidents: [] });
      }
    }
  }
}

function fillSessions(store: HistoryStore): void {
  const templates = FLEET.map((source) => sessionsFor(source.kind, source.id, 100));
  let n = 0;
  for (let hour = 0; hour < SESSION_DAYS_WRITTEN * 24; hour++) {
    const sessions: Session[] = [];
    for (let i = 0; i < SESSIONS_PER_HOUR; i++) {
      const template = templates[i % templates.length]!;
      const base = template[((i / templates.length) % template.length) | 0]!;
      sessions.push({ ...base, id: `s${n++}`, startedAt: NOW - hour * 3_600_000 - i * 2_000 });
    }
    store.write({ points: [], sessions, health: [], incidents: [] });
  }
}

/**
 * What the store costs while monitoring: an hour of the fleet's traffic as the
 * recorder writes it (one transaction a second; every source's reading every
 * 10 s, which is more often than any default interval; 1,500 sessions an hour),
 * with the CPU time of the writes divided by the hour they stand for.
 */
function writeShare(store: HistoryStore): { share: number; cpuMs: number } {
  const templates = FLEET.map((source) => sessionsFor(source.kind, source.id, 100));
  const HOUR_S = 3_600;
  const start = NOW + DAY;
  const before = process.cpuUsage();
  let n = 0;
  for (let second = 0; second < HOUR_S; second++) {
    const at = start + second * 1_000;
    const points =
      second % 10 === 0 ? SOURCES.map((sourceId) => ({ sourceId, points: [{ at, viewers: second }] })) : [];
    const sessions: Session[] = [];
    // 1,500 an hour: 25 at each minute, as a session list poll brings them.
    if (second % 60 === 0) {
      for (let i = 0; i < SESSIONS_PER_HOUR / 60; i++, n++) {
        const template = templates[n % templates.length]!;
        sessions.push({ ...template[n % template.length]!, id: `w${n}`, startedAt: at });
      }
    }
    if (points.length > 0 || sessions.length > 0) store.write({ points, sessions, health: [], incidents: [] });
  }
  const used = process.cpuUsage(before);
  const cpuMs = (used.user + used.system) / 1_000;
  return { share: cpuMs / (HOUR_S * 1_000), cpuMs };
}

/** The chart's query for all ten sources, and the longest single store call within it (one source). */
function timeQueries(store: HistoryStore, rangeMs: number, times: number): { whole: number[]; calls: number[] } {
  const whole: number[] = [];
  const calls: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    for (const sourceId of SOURCES) {
      const call = performance.now();
      store.series(sourceId, NOW - rangeMs, NOW, tierFor(rangeMs));
      calls.push(performance.now() - call);
    }
    whole.push(performance.now() - started);
  }
  return { whole, calls };
}

export async function figure10(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-history-'));
  const file = join(dir, 'history.sqlite');
  try {
    const opened = openHistory({ file, now: () => NOW });
    if (opened.mode !== 'saving') throw new Error(opened.problem ?? 'history could not be opened');
    const { store } = opened;
    const fillStarted = performance.now();
    fill(store);
    const fillS = (performance.now() - fillStarted) / 1000;
    // Prune to the default retention, watching the loop: every step must be short.
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const pruneSteps: number[] = [];
    for (let deleted = -1; deleted !== 0;) {
      const started = performance.now();
      deleted = store.prune(DEFAULT_RETENTION, NOW, 250);
      pruneSteps.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const readingsSize = statSync(file).size;
    fillSessions(store);
    store.close();
    const withSessions = statSync(file).size;
    const sessionBytesPerDay = (withSessions - readingsSize) / SESSION_DAYS_WRITTEN;
    const projected = readingsSize + sessionBytesPerDay * 30;

    const reopened = openHistory({ file, now: () => NOW }).store;
    const writes = writeShare(reopened);
    const q30 = timeQueries(reopened, 30 * DAY, 30);
    const q90 = timeQueries(reopened, 90 * DAY, 30);
    loop.disable();
    const stalls = [...pruneSteps, ...q30.calls, ...q90.calls];
    const maxStall = Math.max(...stalls);
    reopened.close();

    const q30s = summarize(q30.whole);
    const q90s = summarize(q90.whole);
    const row = (
      id: string,
      title: string,
      unit: string,
      value: number[],
      budget: string,
      limit: number,
      compared: number,
      notes: string[],
    ): Row => ({
      id,
      figure: 10,
      title,
      unit,
      value: summarize(value),
      baseline: null,
      budget,
      compared: { label: 'worst', value: round(compared, 2), limit },
      status: judge(compared, limit),
      notes,
    });
    return [
      row(
        '10e',
        'store writes while monitoring (10 sources, 1,500 sessions an hour)',
        '% of a core',
        [writes.share * 100],
        '< 1 % of a core',
        1,
        writes.share * 100,
        [`${round(writes.cpuMs, 0)} ms of CPU for one hour of writes, into the full 90-day file`],
      ),
      row('10a', '30-day chart query, 10 sources (hourly tier)', 'ms', q30.whole, '≤ 50 ms', 50, q30s.max, [
        `p95 ${round(q30s.p95, 2)} ms`,
      ]),
      row('10b', '90-day chart query, 10 sources (hourly tier)', 'ms', q90.whole, '≤ 100 ms', 100, q90s.max, [
        `p95 ${round(q90s.p95, 2)} ms`,
      ]),
      row(
        '10c',
        "longest store call on the event loop (prune steps, one source's 30- or 90-day query)",
        'ms',
        stalls,
        '≤ 10 ms',
        10,
        maxStall,
        [
          `${pruneSteps.length} prune steps of about 250 rows; event-loop delay max ${round(loop.max / 1e6, 1)} ms`,
          `longest: prune step ${round(Math.max(...pruneSteps), 2)} ms, one source's 30-day query ${round(Math.max(...q30.calls), 2)} ms, 90-day ${round(Math.max(...q90.calls), 2)} ms`,
        ],
      ),
      row(
        '10d',
        'file size: 90 days of 10 sources + 30 days of sessions at 1,500 an hour',
        'MB',
        [projected / 2 ** 20],
        '≤ 300 MB',
        300,
        projected / 2 ** 20,
        [
          `readings and tiers ${round(readingsSize / 2 ** 20, 1)} MB (filled in ${round(fillS, 1)} s); sessions ${round(sessionBytesPerDay / 2 ** 20, 1)} MB a day, measured over ${SESSION_DAYS_WRITTEN} days and scaled to 30`,
        ],
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
