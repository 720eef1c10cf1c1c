import type { Browser, Page } from '@playwright/test';
import type { Patch } from '@shared/model/state';
import { sessionsFor } from '../pages/held-sessions';
import { FLEET } from './fleet';
import { createHeldHub, viewerSeries } from './held-hub';
import { newPage } from './chromium';
import type { PageGlobals } from './page-globals';
import type { StaticSite } from './static-site';

/**
 * The built renderer in Chromium with a fake window.api (bench/page/fake-api.js)
 * instead of the engine: the page starts from a snapshot of a held hub (ten
 * 24-hour series, 10,000 sessions) and the bench pushes patches the same hub
 * produced. Why not headless --serve with a scripted engine: the renderer
 * figures (3, 4) are about the renderer alone, and with the fake API nothing
 * else (WebSocket framing, JSON parse of a 5 MB snapshot on each push, the
 * engine's own timers) lands in the frames being measured. Figures 7 and 8
 * are the ones that go through headless --serve.
 */
export const NEW_SESSIONS = 1_500;
const MINUTE = 60_000;

export interface UpdateData {
  /** Patch-list names the page can fetch, each one poll's patches, in seq order after the snapshot. */
  readonly updates: readonly string[];
}

/** Puts the snapshot and `count` updates on the site; each update brings 1,500 new sessions of one source. */
export function publishHeldState(site: StaticSite, count: number): UpdateData {
  // The series end at "now" so the chart's default range shows them; the updates then add a minute each.
  const held = createHeldHub(Date.now() - count * MINUTE);
  site.put('snapshot', JSON.stringify(held.hub.snapshot()));
  const source = FLEET.find((s) => s.kind === 'conviva')!;
  const updates: string[] = [];
  for (let i = 0; i < count; i++) {
    held.advance(MINUTE);
    const patches: Patch[] = [];
    const off = held.hub.subscribe((patch) => patches.push(patch));
    held.hub.applySample(source.id, {
      viewers: [{ at: held.now(), viewers: 500 + i }],
      // Reported in the minute since the last poll: the newest sessions, at the top of the table.
      sessions: sessionsFor(source.kind, source.id, NEW_SESSIONS, i + 1, { end: held.now(), spanMs: MINUTE }),
    });
    held.hub.setHealth(source.id, { status: 'ok' }, held.now());
    off();
    const name = `update-${i}`;
    site.put(name, JSON.stringify(patches));
    updates.push(name);
  }
  return { updates };
}

export type View = 'overview' | 'sessions';

export async function openApp(browser: Browser, site: StaticSite, view: View): Promise<Page> {
  const page = await newPage(browser, ['probe', 'fake-api']);
  await page.goto(`${site.url}#${view}`);
  if (view === 'sessions') await page.locator('.grid-body [role="row"]').first().waitFor({ timeout: 30_000 });
  else await page.locator('.viewers-panel canvas').waitFor({ timeout: 30_000 });
  // Let the first render and its effects settle before anything is measured.
  await page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.settle(10));
  return page;
}

export const HISTORY_DAYS = 90;
const HOUR = 60 * MINUTE;

/**
 * Puts stored history on the site, as the history file's hourly tier would
 * answer `history:series`: every source of the fleet, one bucket an hour for
 * the 90 days before `end`, each with its mean, lowest and highest reading.
 * fake-api.js answers the page's range requests from it.
 */
export function publishHistory(site: StaticSite, end: number): { readonly pointsPerSource: number } {
  const count = HISTORY_DAYS * 24;
  const series = FLEET.map((source, index) => ({
    sourceId: source.id,
    points: viewerSeries(index, end, count * 60)
      .filter((_, i) => i % 60 === 0)
      .map((point) => ({
        at: Math.floor(point.at / HOUR) * HOUR,
        viewers: point.viewers,
        min: point.viewers - 20,
        max: point.viewers + 20,
      })),
  }));
  site.put('history', JSON.stringify({ tierMs: HOUR, series }));
  return { pointsPerSource: count };
}
