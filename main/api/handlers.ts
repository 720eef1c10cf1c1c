import type { ProviderInfo } from '@shared/ipc/contract';
import type { SourceError } from '@shared/model/errors';
import { err, ok, type AppError } from '@shared/result';
import type { Engine } from '../engine/types';
import type { Provider } from '../providers/provider';
import type { Handlers } from './dispatch';
import type { AlertsPort, SettingsPort } from './app-ports';
import type { SourcesPort } from './sources-port';

export interface HandlerDeps {
  readonly engine: Engine;
  readonly sources: SourcesPort;
  readonly settings: SettingsPort;
  readonly alerts: AlertsPort;
  /** The platforms this build knows, for the source form. */
  readonly providers: readonly Provider<unknown>[];
  readonly info: { readonly version: string; readonly shell: 'electron' | 'headless' };
}

function noIncident(id: string): AppError {
  return { code: 'not-found', message: `There is no firing incident ${JSON.stringify(id)}; it may have resolved.` };
}

/** A poll error's kind is already a stable code; its message is already a sentence without secrets. */
export function toAppError(error: SourceError): AppError {
  return { code: error.kind, message: error.message };
}

export function providerInfo(provider: Provider<unknown>): ProviderInfo {
  return {
    kind: provider.kind,
    label: provider.label,
    defaultBaseUrl: provider.defaultBaseUrl,
    metric: provider.metric,
    fields: [...provider.fields],
  };
}

/**
 * Every request channel of the contract, for every transport (Electron IPC,
 * the headless WebSocket bridge). Arguments arrive parsed by `dispatch`;
 * nothing here throws on purpose — failures are values.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { engine, sources } = deps;
  const empty = {} as Record<string, never>;

  return {
    'app:info': async () => ok({ version: deps.info.version, shell: deps.info.shell }),

    'state:snapshot': async () => ok(engine.hub.snapshot()),

    'sessions:detail': async ({ sourceId, sessionId }) => {
      const detail = await engine.sessionDetail(sourceId, sessionId);
      return detail.ok ? ok(detail.value) : err(toAppError(detail.error));
    },

    'sources:list': async () => {
      const listed = await sources.list();
      if (!listed.ok) return listed;
      return ok({ sources: [...listed.value], providers: deps.providers.map(providerInfo) });
    },

    'sources:save': ({ source, secrets, storage }) => sources.save(source, secrets, storage),

    'sources:export': async () => {
      const exported = await deps.settings.exportSources();
      return exported.ok ? ok({ json: exported.value }) : exported;
    },

    'sources:import': ({ json }) => deps.settings.importSources(json),

    'settings:get': async () => ok(await deps.settings.view()),

    'settings:set': (change) => deps.settings.set(change),

    'alerts:view': async () => ok(deps.alerts.view()),

    'alerts:history': async () => ok({ incidents: [...deps.alerts.history()] }),

    'alerts:acknowledge': async ({ incidentId }) =>
      deps.alerts.acknowledge(incidentId) ? ok(empty) : err(noIncident(incidentId)),

    'alerts:snooze': async ({ incidentId, minutes }) =>
      deps.alerts.snooze(incidentId, minutes) ? ok(empty) : err(noIncident(incidentId ?? '')),

    'alerts:rules': async () => ok(deps.alerts.rules()),

    'alerts:set-rule': ({ ruleId, config }) => deps.alerts.setRule(ruleId, config),

    'sources:remove': ({ sourceId }) => sources.remove(sourceId),

    'sources:test': async ({ source, secrets }) => {
      const completed = await sources.completeSecrets(source, secrets);
      if (!completed.ok) return completed;
      const tested = await engine.testSource(source, completed.value);
      return tested.ok ? ok({ message: tested.value }) : err(toAppError(tested.error));
    },

    'credentials:has': ({ sourceId }) => sources.hasCredentials(sourceId),

    'credentials:clear': ({ sourceId, field }) => sources.clearCredential(sourceId, field),

    'polling:refresh': async ({ sourceId }) => {
      if (sourceId !== undefined && !engine.hub.snapshot().sources.some((source) => source.id === sourceId)) {
        return err({ code: 'not-found', message: `There is no source with id ${JSON.stringify(sourceId)}.` });
      }
      engine.refresh(sourceId);
      return ok(empty);
    },

    'polling:pause': async ({ paused }) => {
      engine.setPaused(paused);
      return ok(empty);
    },
  };
}
