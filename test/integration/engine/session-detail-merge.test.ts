import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/engine/system-clock';
import { createEngine, type StreamwatchEngine } from '../../../main/engine/engine';
import { startDemo } from '../../../main/demo/start-demo';
import type { SourceSetup as HeadlessSetup } from '../../../main/core/source-setup';
import type { SessionRow } from '@shared/model/state';

/**
 * Opening a session must not erase what the list knew. For each platform: the
 * list is polled, a session is opened (the detail fetched from the simulator over
 * HTTP), and its row afterwards still says everything it said before; the detail
 * may only add (events above all).
 */
let demo: HeadlessSetup;
let engine: StreamwatchEngine;
/**
 * The demo's and the engine's clock start at a set instant (and run on from there), so the
 * same sessions are listed in every run: at 02:00 UTC on 6 December 2026 the
 * NAVER list holds failed sessions, the case where a list and a detail name a
 * failure differently. With the machine's own clock that case came and went.
 */
const DEMO_START = Date.UTC(2026, 11, 6, 2, 0);

beforeAll(async () => {
  const offset = DEMO_START - Date.now();
  demo = await startDemo(() => Date.now() + offset);
  engine = createEngine({
    fetch,
    // The engine asks for "the last hour" by its own clock: the same instant as the platforms'.
    clock: { ...systemClock, now: () => Date.now() + offset },
    resolveCredentials: demo.resolve,
  });
  engine.setSources(demo.sources, { demo: true });
  engine.start();
}, 60_000);

afterAll(async () => {
  await engine.stop();
  await demo.close();
});

function rowsOf(sourceId: string): SessionRow[] {
  return engine.hub.snapshot().sessions.filter((row) => row.sourceId === sourceId);
}

/**
 * The row's fields that the list knew (not null), which the detail must leave as they were or fill.
 * Failures are checked apart: a list may know only that a session failed ("the player reported an
 * error", NAVER), and the detail may name the failure (E0003 network error) instead.
 */
function knownFields(row: SessionRow): Record<string, unknown> {
  const { eventCount: _eventCount, failures: _failures, ...rest } = row;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null));
}

/**
 * Picks a row with the list polls paused (a session still playing may rightly change between
 * two polls), opens it, and returns the row before and after, and the detail.
 */
async function openRow(sourceId: string, pick: (rows: SessionRow[]) => SessionRow) {
  engine.setPaused(true);
  try {
    const before = pick(rowsOf(sourceId));
    const detail = await engine.sessionDetail(sourceId, before.id);
    const after = rowsOf(sourceId).find((row) => row.id === before.id)!;
    return { before, detail, after };
  } finally {
    engine.setPaused(false);
  }
}

describe.each(['naver-vpe', 'api-video', 'conviva', 'zoom-video-sdk'])(
  '%s: list, open, and the row keeps what it knew',
  (provider) => {
    it('keeps every known field of the row after the detail arrives', async () => {
      const sourceId = `demo-${provider}`;
      await expect.poll(() => rowsOf(sourceId).length, { timeout: 40_000, interval: 200 }).toBeGreaterThan(0);
      // The richest row: the one the list knew most about.
      const { before, detail, after } = await openRow(
        sourceId,
        (rows) => rows.sort((a, b) => Object.keys(knownFields(b)).length - Object.keys(knownFields(a)).length)[0]!,
      );
      expect(detail.ok).toBe(true);
      expect(after).toMatchObject(knownFields(before));
      if (detail.ok) expect(detail.value).toMatchObject(knownFields(before));
      // A failure the list knew is not forgotten: named more exactly at most.
      expect(after.failures.length).toBeGreaterThanOrEqual(Math.min(1, before.failures.length));
    }, 60_000);
  },
);

it('naver-vpe: a failed session stays failed after its detail names the failure', async () => {
  const sourceId = 'demo-naver-vpe';
  const failed = (rows: SessionRow[]) => rows.filter((row) => row.failures.length > 0);
  await expect.poll(() => failed(rowsOf(sourceId)).length, { timeout: 40_000, interval: 200 }).toBeGreaterThan(0);
  const { before, detail, after } = await openRow(sourceId, (rows) => failed(rows)[0]!);
  expect(detail.ok).toBe(true);
  expect(after).toMatchObject(knownFields(before));
  expect(after.failures.length).toBeGreaterThan(0);
}, 60_000);
