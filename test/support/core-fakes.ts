import type { AlertsPort } from '../../main/api/app-ports';
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
    view: () => ({ firing: [], silenced: 0, snoozeAllUntil: null, level: 'ok', summary: 'All sources healthy' }),
    history: () => [],
    acknowledge: () => false,
    snooze: () => false,
    rules: () => DEFAULT_RULES,
    setRule: async () => ({ ok: true, value: DEFAULT_RULES }),
  };
  return { settings, alerts };
}
