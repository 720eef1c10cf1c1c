import type { ProviderInfo } from '@shared/ipc/contract';
import type { SourceError } from '@shared/model/errors';
import { err, ok, type AppError } from '@shared/result';
import type { Engine } from '../engine/types';
import type { Provider } from '../providers/provider';
import type { Handlers } from './dispatch';
import type { ReceiversPort } from '../routing/receivers-port';
import type { AlertsPort, HistoryPort, SettingsPort } from './app-ports';
import type { SourcesPort } from './sources-port';

export interface HandlerDeps {
  readonly engine: Engine;
  readonly sources: SourcesPort;
  readonly settings: SettingsPort;
  readonly alerts: AlertsPort;
  /** The platforms this build knows, for the source form. */
  readonly providers: readonly Provider<unknown>[];
  readonly info: { readonly version: string; readonly shell: 'electron' | 'headless' };
  /** Alert receivers; absent where this build routes nothing. */
  readonly receivers?: ReceiversPort;
  readonly history: HistoryPort;
}

const noRouting: AppError = { code: 'unavailable', message: 'Alert routing is not available in this mode.' };

/** Overridden where a shell can follow a team collector (the desktop, headless settings mode). */
const noCollectorLink: AppError = {
  code: 'unavailable',
  message: 'This Streamwatch runs from fixed sources (a config file or the demo) and cannot follow a team collector.',
};

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

    'receivers:list': async () =>
      deps.receivers ? ok({ receivers: [...(await deps.receivers.list())] }) : err(noRouting),
    'receivers:save': async ({ receiver, secret }) => {
      if (!deps.receivers) return err(noRouting);
      const saved = await deps.receivers.save(receiver, secret);
      return saved.ok ? ok({ receivers: [...saved.value] }) : saved;
    },
    'receivers:remove': async ({ receiverId }) => {
      if (!deps.receivers) return err(noRouting);
      const removed = await deps.receivers.remove(receiverId);
      return removed.ok ? ok({ receivers: [...removed.value] }) : removed;
    },
    'alerts:deliveries': async ({ incidentId }) => ok({ entries: [...(deps.receivers?.deliveries(incidentId) ?? [])] }),

    'alerts:set-rule': ({ ruleId, config }) => deps.alerts.setRule(ruleId, config),

    'sources:remove': async ({ sourceId, keepHistory }) => {
      const removed = await sources.remove(sourceId);
      if (removed.ok && !keepHistory) deps.history.deleteHistory(sourceId);
      return removed;
    },

    'history:series': async (request) => ok(await deps.history.series(request)),
    'history:sessions': async (request) => ok(deps.history.sessionsPage(request)),
    'history:status': async () => ok(deps.history.status()),
    'history:delete': async ({ sourceId }) => ok(deps.history.deleteHistory(sourceId)),
    'history:set-retention': async (change) =>
      ok(await deps.history.setRetention({ ...deps.history.status().retention, ...change })),

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
    'collector:get': async () => err(noCollectorLink),
    'collector:connect': async () => err(noCollectorLink),
    'collector:disconnect': async () => err(noCollectorLink),
  };
}
