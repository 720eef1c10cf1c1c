import type { SourceConfig } from '@shared/model/source';
import { err, ok, type AppError, type Result } from '@shared/result';
import type { SourcesPort } from '../api/sources-port';
import { toAppError } from '../api/handlers';
import type { CredentialResolver } from '../engine/types';
import { providerFor } from '../providers/registry';

export interface ReadOnlySourcesOptions {
  readonly sources: readonly SourceConfig[];
  /** Where the sources come from, for the refusal's sentence: "the config file sources.json". */
  readonly origin: string;
  readonly resolve: CredentialResolver;
  /** Which secret fields of a source have a value (never the values). */
  readonly presence: (sourceId: string) => Record<string, boolean>;
  readonly lookup?: typeof providerFor;
}

/**
 * Headless mode's sources: fixed by the config file (or the demo) for the
 * life of the process, so the settings screen can look and test but not
 * change anything — editing the file and restarting is the way.
 */
export function readOnlySources(options: ReadOnlySourcesOptions): SourcesPort {
  const refuse = (): Result<never, AppError> =>
    err({
      code: 'read-only',
      message: `In headless mode the sources come from ${options.origin} and cannot be changed here; edit it and restart.`,
    });

  return {
    list: async () => ok(options.sources),
    save: async () => refuse(),
    remove: async () => refuse(),
    clearCredential: async () => refuse(),
    hasCredentials: async (sourceId) => {
      if (!options.sources.some((source) => source.id === sourceId)) {
        return err({ code: 'not-found', message: `There is no source with id ${JSON.stringify(sourceId)}.` });
      }
      return ok(options.presence(sourceId));
    },
    completeSecrets: async (source, entered) => {
      const fields = (options.lookup ?? providerFor)(source.provider)?.secretFields ?? [];
      const missing = fields.filter((field) => !entered[field]);
      if (missing.length === 0) return ok(entered);
      const stored = await options.resolve(source, missing);
      if (!stored.ok) return err(toAppError(stored.error));
      return ok({ ...entered, ...stored.value });
    },
  };
}
