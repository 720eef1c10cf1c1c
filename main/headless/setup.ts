import type { SourceConfig } from '@shared/model/source';
import type { CredentialResolver } from '../engine/types';
import { envPresence, envResolver } from '../credentials/env-store';
import type { HeadlessConfig } from './config';

/**
 * What a headless run polls, however it was described: the sources, where
 * their secrets come from, and anything to shut down at the end (simulators).
 */
export interface HeadlessSetup {
  readonly sources: readonly SourceConfig[];
  readonly resolve: CredentialResolver;
  readonly presence: (sourceId: string) => Record<string, boolean>;
  /** For sentences: "the config file sources.json", "the built-in demo". */
  readonly origin: string;
  readonly demo: boolean;
  close(): Promise<void>;
}

export function setupFromConfig(config: HeadlessConfig, env: NodeJS.ProcessEnv = process.env): HeadlessSetup {
  return {
    sources: config.sources,
    resolve: envResolver(config.env, env),
    presence: (sourceId) => envPresence(config.env, sourceId, env),
    origin: `the config file ${config.file}`,
    demo: false,
    close: async () => undefined,
  };
}
