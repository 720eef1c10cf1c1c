import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_RETENTION,
  tierFor,
  type HistoryStatus,
  type Retention,
  type SeriesAnswer,
  type SeriesRequestSchema,
  type SessionsPage,
  type SessionsPageRequestSchema,
} from '@shared/model/history';
import type { z } from 'zod';
import { memoryHistory, openHistoryFile, type HistoryFile } from '../engine/alerts/history-file';
import { createPruner, type Pruner } from '../engine/history/pruner';
import type { HistoryStore } from '../engine/history/port';
import { createRecorder, type Recorder } from '../engine/history/recorder';
import { baselineCache, type Baseline } from '../engine/history/baseline';
import type { WritableStateHub } from '../engine/state-hub';
import type { Clock } from '../engine/types';
import { openHistory, type OpenedHistory } from '../history/open-history';
import { log } from '../log/logger';

export const HISTORY_FILE = 'history.sqlite';
/** Demo readings never mix with a real account's: they have a file of their own. */
export const DEMO_HISTORY_FILE = 'history-demo.sqlite';
/** Incidents listed in the alert history (the store keeps them all). */
const INCIDENTS_KEPT = 2000;

export interface HistoryServiceDeps {
  readonly hub: WritableStateHub;
  readonly clock: Clock;
  /** The data folder; null keeps history in memory for the run (headless --config or --demo alone). */
  readonly dir: string | null;
  readonly retention: () => Retention;
  readonly saveRetention?: (retention: Retention) => Promise<void>;
  /** Test seam: see OpenOptions.maxPageCount. */
  readonly maxPageCount?: number;
}

export interface HistoryService {
  /** Alert history, kept in the history file of each incident's source. */
  readonly incidents: HistoryFile;
  series(request: z.output<typeof SeriesRequestSchema>): Promise<SeriesAnswer>;
  sessionsPage(request: z.output<typeof SessionsPageRequestSchema>): SessionsPage;
  status(): HistoryStatus;
  deleteHistory(sourceId: string | null): HistoryStatus;
  setRetention(retention: Retention): Promise<HistoryStatus>;
  /** A one-time sentence for the start (a damaged file moved aside), or null. */
  readonly notice: string | null;
  /** The store a source's history is in (for --history and tests). */
  storeOf(sourceId: string): HistoryStore;
  /** Hour-of-week baselines, for the alert rule "viewers far below usual". */
  baselines(sourceIds: readonly string[], now: number): Record<string, Baseline>;
  flush(): void;
  start(): void;
  stop(): void;
}

/**
 * History for one core: the real and demo files, the recorder that fills them
 * from the hub (and the hub from them at start), the pruner, and the queries
 * behind the history channels. A problem with the file never stops monitoring:
 * it becomes the hub's `historyProblem` flag, which the page, tray and log show.
 */
export function createHistoryService(deps: HistoryServiceDeps): HistoryService {
  const { hub, clock } = deps;
  const open = (name: string): OpenedHistory =>
    openHistory({
      file: deps.dir === null ? null : join(deps.dir, name),
      now: clock.now,
      maxPageCount: deps.maxPageCount,
    });
  const real = open(HISTORY_FILE);
  let demo: OpenedHistory | null = null;
  const demoHistory = (): OpenedHistory => (demo ??= open(DEMO_HISTORY_FILE));
  const opened = (): OpenedHistory[] => (demo ? [real, demo] : [real]);
  const storeOf = (sourceId: string): HistoryStore => (hub.source(sourceId)?.demo ? demoHistory() : real).store;

  function showProblem(runtime: string | null): void {
    const problem = runtime ?? opened().find((h) => h.problem !== null)?.problem ?? null;
    hub.setFlags({ historyProblem: problem });
  }

  // A demo run's incidents are in the demo file: list them again after a restart too.
  const demoFileExists = deps.dir !== null && existsSync(join(deps.dir, DEMO_HISTORY_FILE));
  const stored = [real, ...(demoFileExists ? [demoHistory()] : [])].flatMap((h) => h.store.incidents(INCIDENTS_KEPT));
  const incidents = memoryHistory(INCIDENTS_KEPT, stored, (incident) => recorder.recordIncident(incident));
  const recorder: Recorder = createRecorder({ hub, clock, storeOf, onProblem: showProblem });
  let pruner: Pruner | null = null;

  for (const h of [real]) {
    if (h.problem) log.error(`[history] ${h.problem}`);
    if (h.notice) log.error(`[history] ${h.notice}`);
  }
  showProblem(null);

  function status(): HistoryStatus {
    const sources = hub.snapshot().sources;
    return {
      mode: real.mode,
      // Demo readings are in a file of their own: name it too, or the page points at the wrong file.
      file: demo?.file ? `${real.file} (demo sources: ${demo.file})` : real.file,
      sizeBytes: real.mode === 'saving' ? opened().reduce((sum, h) => sum + h.store.sizeBytes(), 0) : null,
      problem: recorder.problem() ?? opened().find((h) => h.problem !== null)?.problem ?? null,
      notice: real.notice,
      retention: deps.retention(),
      oldestReading: Object.fromEntries(
        sources.flatMap((s) => {
          const at = storeOf(s.id).oldestReading(s.id);
          return at === null ? [] : [[s.id, at]];
        }),
      ),
    };
  }

  return {
    incidents,
    notice: real.notice,
    storeOf,
    baselines: baselineCache(storeOf),
    async series(request) {
      recorder.flush(); // what was seen in the last second is part of the answer
      const tierMs = tierFor(request.to - request.from);
      const from = request.from - request.offsetMs;
      const to = request.to - request.offsetMs;
      const series = [];
      for (const sourceId of request.sourceIds) {
        const points = storeOf(sourceId)
          .series(sourceId, from, to, tierMs)
          .map((p) => ({ ...p, at: p.at + request.offsetMs }));
        series.push({ sourceId, points });
        // One source at a time, with the thread handed back between: polls and patches never wait on all ten.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return { tierMs, series };
    },
    sessionsPage(request) {
      recorder.flush();
      // All sources: the demo file while only demo sources are shown (the demo and real
      // accounts are not listed together: the demo goes off when a real source is saved).
      const sources = hub.snapshot().sources;
      const allDemo = sources.length > 0 && sources.every((s) => s.demo);
      const store = request.sourceId !== null ? storeOf(request.sourceId) : allDemo ? demoHistory().store : real.store;
      return store.sessionsPage(request);
    },
    status,
    deleteHistory(sourceId) {
      recorder.flush();
      for (const h of opened()) h.store.deleteHistory(sourceId);
      log.info(`[history] deleted ${sourceId === null ? 'all history' : `the history of ${sourceId}`}`);
      return status();
    },
    async setRetention(retention) {
      await deps.saveRetention?.(retention);
      pruner?.runSoon();
      return status();
    },
    flush: () => recorder.flush(),
    start() {
      pruner ??= createPruner({ clock, stores: () => opened().map((h) => h.store), retention: deps.retention });
    },
    stop() {
      pruner?.stop();
      pruner = null;
      recorder.stop();
      for (const h of opened()) h.store.close();
    },
  };
}

export { DEFAULT_RETENTION };

/**
 * Alert history used to be a JSON-lines file of its own; it now lives with the
 * rest of history. Its incidents are copied over once and the old file is kept,
 * renamed, so nothing is lost if the copy is ever in doubt.
 */
export function migrateIncidentFile(path: string, history: HistoryService): void {
  if (!existsSync(path) || history.status().mode !== 'saving') return;
  const old = openHistoryFile(path).list();
  for (const incident of [...old].reverse()) history.incidents.record(incident);
  history.flush();
  if (history.status().problem !== null) return; // not written: keep the old file where it is
  renameSync(path, `${path}.migrated`);
  log.info(`[history] ${old.length} incidents moved from ${path} into the history file`);
}
