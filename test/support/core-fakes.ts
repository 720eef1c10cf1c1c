import type { AlertsPort, HistoryPort } from '../../main/api/app-ports';
import { DEFAULT_RETENTION } from '@shared/model/history';
import { fixedSettings } from '../../main/core/settings-service';
import { DEFAULT_RULES } from '../../main/engine/alerts/default-rules';
import { defaultSettings } from '../../main/settings/settings-schema';
import type { SourceConfig } from '@shared/model/source';

/** Settings and alerts ports for handler tests that are about something else. */
export function quietPorts(sources: readonly SourceConfig[] = []) {
  const settings = fixedSettings({
    sources,
    origin: 'the config file x.json',
    demo: false,
    preferences: defaultSettings().preferences,
  });
  const alerts: AlertsPort = {
    view: () => ({
      firing: [],
      pending: [],
      silenced: 0,
      snoozeAllUntil: null,
      level: 'ok',
      summary: 'All sources healthy',
    }),
    history: () => [],
    acknowledge: () => false,
    snooze: () => false,
    rules: () => DEFAULT_RULES,
    setRule: async () => ({ ok: true, value: DEFAULT_RULES }),
  };
  const status = {
    mode: 'memory' as const,
    file: null,
    sizeBytes: null,
    problem: null,
    notice: null,
    retention: DEFAULT_RETENTION,
    oldestReading: {},
  };
  const history: HistoryPort = {
    series: async (request) => ({ tierMs: 0, series: request.sourceIds.map((sourceId) => ({ sourceId, points: [] })) }),
    sessionsPage: () => ({ total: 0, rows: [] }),
    status: () => status,
    deleteHistory: () => status,
    setRetention: async () => status,
  };
  return { settings, alerts, history };
}
