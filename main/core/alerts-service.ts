import { ruleConfigSchemaFor, type Incident, type RuleConfig, type RuleId, type Rules } from '@shared/model/alerts';
import type { AlertsView } from '@shared/model/alerts';
import { err, ok, type AppError, type Result } from '@shared/result';
import type { AlertsPort } from '../api/app-ports';
import { createAlertEngine, type AlertEngine, type AlertSink } from '../engine/alerts/alert-engine';
import { DEFAULT_RULES } from '../engine/alerts/default-rules';
import type { HistoryFile } from '../engine/alerts/history-file';
import type { NotificationPrefs } from '../engine/alerts/notify-policy';
import type { Clock, StateHub, TimerHandle } from '../engine/types';
import type { AlertInput } from '../engine/alerts/evaluate';

export interface AlertsServiceDeps {
  readonly hub: StateHub;
  readonly clock: Clock;
  readonly sink: AlertSink;
  readonly prefs: () => NotificationPrefs;
  /** Stored rule overrides (settings file), merged over the defaults. */
  readonly overrides: () => Readonly<Record<string, unknown>>;
  readonly saveOverrides?: (overrides: Record<string, unknown>) => Promise<void>;
  readonly history?: HistoryFile;
  /** Hour-of-week baselines of these sources at `now` (from history), for "viewers far below usual". */
  readonly baselines?: (sourceIds: readonly string[], now: number) => NonNullable<AlertInput['baselines']>;
  /** How often time-based rules (stale data, pending → firing) are re-checked without a state change. */
  readonly tickMs?: number;
}

export interface AlertsService extends AlertsPort {
  readonly engine: AlertEngine;
  start(): void;
  stop(): void;
  onChange(listener: (view: AlertsView) => void): () => void;
}

/** Defaults with the user's overrides; an override that no longer parses is ignored, not fatal. */
export function mergeRules(overrides: Readonly<Record<string, unknown>>): Rules {
  const merged = { ...DEFAULT_RULES } as Record<RuleId, RuleConfig>;
  for (const id of Object.keys(DEFAULT_RULES) as RuleId[]) {
    const parsed = ruleConfigSchemaFor(id).safeParse({
      ...DEFAULT_RULES[id],
      ...(overrides[id] as object | undefined),
    });
    if (parsed.success) merged[id] = parsed.data;
  }
  return merged;
}

/** Runs the alert engine against the hub: on every change (at most once a second) and on a steady tick. */
export function createAlertsService(deps: AlertsServiceDeps): AlertsService {
  const tickMs = deps.tickMs ?? 5_000;
  let rules = mergeRules(deps.overrides());
  const engine = createAlertEngine({
    now: deps.clock.now,
    rules: () => rules,
    prefs: deps.prefs,
    sink: deps.sink,
    history: deps.history,
    restored: deps.history?.stillFiring(),
  });
  const state = (): AlertInput => {
    const snapshot = deps.hub.snapshot();
    const baselines = deps.baselines?.(
      snapshot.sources.map((s) => s.id),
      deps.clock.now(),
    );
    return baselines ? { ...snapshot, baselines } : snapshot;
  };
  let steady: TimerHandle | null = null;
  let soon: TimerHandle | null = null;
  let unsubscribe: (() => void) | null = null;

  const tick = () => engine.tick(state());
  function loop(): void {
    tick();
    steady = deps.clock.setTimeout(loop, tickMs);
  }

  return {
    engine,
    start() {
      if (steady !== null) return;
      loop();
      unsubscribe = deps.hub.subscribe(() => {
        soon ??= deps.clock.setTimeout(() => {
          soon = null;
          tick();
        }, 1_000);
      });
    },
    stop() {
      unsubscribe?.();
      for (const handle of [steady, soon]) if (handle !== null) deps.clock.clearTimeout(handle);
      steady = soon = unsubscribe = null;
    },
    onChange(listener) {
      return engine.subscribe(() => listener(engine.view(state())));
    },
    view: () => engine.view(state()),
    history(): readonly Incident[] {
      return deps.history?.list() ?? engine.incidents();
    },
    acknowledge: (id) => engine.acknowledge(id),
    snooze(id, minutes) {
      if (id === undefined) {
        engine.snoozeAll(minutes * 60_000);
        return true;
      }
      return engine.snooze(id, minutes * 60_000);
    },
    rules: () => rules,
    async setRule(ruleId, config): Promise<Result<Rules, AppError>> {
      const parsed = ruleConfigSchemaFor(ruleId).safeParse({ ...rules[ruleId], ...config });
      if (!parsed.success)
        return err({ code: 'bad-argument', message: parsed.error.issues[0]?.message ?? `Rule ${ruleId}: invalid` });
      rules = { ...rules, [ruleId]: parsed.data };
      await deps.saveOverrides?.({ ...deps.overrides(), [ruleId]: parsed.data });
      tick();
      return ok(rules);
    },
  };
}
