import type { SourceConfig } from '@shared/model/source';
import { err, ok, type AppError, type Result } from '@shared/result';
import type { SourcesPort } from '../api/sources-port';
import type { CredentialStore } from '../credentials/credential-store';
import type { Engine } from '../engine/types';
import { firstIssue } from '@shared/zod-issue';
import type { Provider } from '../providers/provider';
import type { SettingsStore } from '../settings/settings-store';

export interface SourcesServiceDeps {
  readonly settings: SettingsStore;
  /** The OS keychain. */
  readonly keychain: CredentialStore;
  /** "Keep for this session only": memory, gone at quit. */
  readonly session: CredentialStore;
  readonly engine: Engine;
  readonly providerFor: (kind: SourceConfig['provider']) => Provider<unknown> | undefined;
  /** The built-in simulators' sources, polled beside the real ones while demo mode is on. */
  readonly demoSources?: () => readonly SourceConfig[];
  /** Tells the shell the demo switched off or on, so it can relabel the window. */
  readonly onChange?: () => void;
}

const empty = {} as Record<string, never>;

/**
 * The app's sources: configuration in the settings file, secrets in the
 * keychain (or, when the user chose it, memory for this session). Saving or
 * removing re-plans the engine's polling at once.
 */
export function createSourcesService(deps: SourcesServiceDeps): SourcesPort & {
  /** Pushes the saved sources (or the demo) into the engine. */
  apply(): void;
} {
  const sessionOnly = (sourceId: string) => deps.settings.current().sessionOnlySecrets.includes(sourceId);
  const storeFor = (sourceId: string) => (sessionOnly(sourceId) ? deps.session : deps.keychain);
  const rememberStorage = (sourceId: string, storage: 'keychain' | 'session') =>
    deps.settings.update((s) => {
      const others = s.sessionOnlySecrets.filter((id) => id !== sourceId);
      return { ...s, sessionOnlySecrets: storage === 'session' ? [...others, sourceId] : others };
    });

  function validate(source: SourceConfig): Result<SourceConfig, AppError> {
    const provider = deps.providerFor(source.provider);
    if (!provider)
      return err({ code: 'unknown-provider', message: `Streamwatch does not know the platform ${source.provider}.` });
    const options = provider.optionsSchema.safeParse(source.options);
    if (!options.success) {
      const issue = firstIssue(options.error, 'options', ['options']);
      return err({ code: 'bad-option', message: `${issue.path}: ${issue.message}` });
    }
    return ok(source);
  }

  function apply(): void {
    const { sources, demo } = deps.settings.current();
    const demoSources = demo ? (deps.demoSources?.() ?? []) : [];
    deps.engine.setSources([...sources, ...demoSources], {
      demo: demo && demoSources.length > 0,
      demoSourceIds: new Set(demoSources.map((source) => source.id)),
    });
    deps.onChange?.();
  }

  return {
    apply,
    async list() {
      return ok(deps.settings.current().sources);
    },
    async save(source, secrets, storage) {
      const valid = validate(source);
      if (!valid.ok) return valid;
      if (source.id.startsWith('demo-')) {
        return err({
          code: 'bad-argument',
          message: 'Source ids starting with "demo-" are kept for the built-in demo; choose another id.',
        });
      }
      if (storage && storage !== (sessionOnly(source.id) ? 'session' : 'keychain'))
        await rememberStorage(source.id, storage);
      const store = storeFor(source.id);
      for (const [field, value] of Object.entries(secrets)) {
        const stored = await store.set(source.id, field, value);
        // Nothing is written in plain text when the keychain fails: the source is not saved either.
        if (!stored.ok) return err({ code: stored.error.code, message: stored.error.message });
      }
      await deps.settings.update((s) => {
        const others = s.sources.filter((x) => x.id !== source.id);
        const index = s.sources.findIndex((x) => x.id === source.id);
        const sources = index === -1 ? [...others, source] : s.sources.map((x) => (x.id === source.id ? source : x));
        // Demo mode ends when the first real source is saved.
        return { ...s, sources, demo: false };
      });
      apply();
      if (Object.keys(secrets).length > 0) deps.engine.credentialsChanged(source.id);
      return ok(source);
    },
    async remove(sourceId) {
      if (!deps.settings.current().sources.some((s) => s.id === sourceId)) {
        return err({ code: 'not-found', message: `There is no source with id ${JSON.stringify(sourceId)}.` });
      }
      const keptInKeychain = !sessionOnly(sourceId);
      await deps.settings.update((s) => ({
        ...s,
        sources: s.sources.filter((x) => x.id !== sourceId),
        sessionOnlySecrets: s.sessionOnlySecrets.filter((id) => id !== sourceId),
      }));
      apply();
      await deps.session.deleteSource(sourceId);
      // Secrets kept for the session only were never in the keychain: nothing there to remove or to fail.
      const removed = keptInKeychain ? await deps.keychain.deleteSource(sourceId) : ok(undefined);
      if (!removed.ok)
        return err({
          code: removed.error.code,
          message: `The source was removed, but its keychain entries could not be: ${removed.error.message}`,
        });
      return ok(empty);
    },
    async completeSecrets(source, entered) {
      const provider = deps.providerFor(source.provider);
      if (!provider)
        return err({ code: 'unknown-provider', message: `Streamwatch does not know the platform ${source.provider}.` });
      const secrets: Record<string, string> = { ...entered };
      for (const field of provider.secretFields) {
        if (secrets[field]) continue;
        const stored = await storeFor(source.id).get(source.id, field);
        if (stored.ok && stored.value) secrets[field] = stored.value;
      }
      const missing = provider.secretFields.filter((f) => !secrets[f]);
      if (missing.length > 0)
        return err({ code: 'missing-secret', message: `Enter ${missing.join(' and ')} to test this source.` });
      return ok(secrets);
    },
    async hasCredentials(sourceId) {
      const source = deps.settings.current().sources.find((s) => s.id === sourceId);
      const provider = source && deps.providerFor(source.provider);
      const fields = await storeFor(sourceId).fields(sourceId);
      if (!fields.ok) return err({ code: fields.error.code, message: fields.error.message });
      const present = new Set(fields.value);
      const names = provider ? provider.secretFields : [...present];
      return ok(Object.fromEntries(names.map((f) => [f, present.has(f)])));
    },
    async clearCredential(sourceId, field) {
      const cleared = await storeFor(sourceId).delete(sourceId, field);
      if (!cleared.ok) return err({ code: cleared.error.code, message: cleared.error.message });
      deps.engine.credentialsChanged(sourceId);
      return ok(empty);
    },
  };
}
