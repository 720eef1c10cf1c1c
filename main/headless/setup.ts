import { envPresence, envResolver } from '../credentials/env-store';
import type { SourceSetup } from '../core/source-setup';
import type { HeadlessConfig } from './config';

export type { SourceSetup as HeadlessSetup } from '../core/source-setup';

export function setupFromConfig(config: HeadlessConfig, env: NodeJS.ProcessEnv = process.env): SourceSetup {
  return {
    sources: config.sources,
    resolve: envResolver(config.env, env),
    presence: (sourceId) => envPresence(config.env, sourceId, env),
    origin: `the config file ${config.file}`,
    demo: false,
    receivers: (config.receivers ?? []).map(({ receiver, secretEnv }) => ({ receiver, secret: env[secretEnv] })),
    close: async () => undefined,
  };
}
