import { envPresence, envResolver } from '../credentials/env-store';
import type { SourceSetup } from '../core/source-setup';
import type { HeadlessConfig } from './config';
import { readSecretFile, withFileSecrets } from './secret-files';

export type { SourceSetup as HeadlessSetup } from '../core/source-setup';

export function setupFromConfig(config: HeadlessConfig, env: NodeJS.ProcessEnv = process.env): SourceSetup {
  return {
    sources: config.sources,
    resolve: withFileSecrets(config.files, envResolver(config.env, env)),
    presence: (sourceId) => ({
      ...envPresence(config.env, sourceId, env),
      ...Object.fromEntries(
        Object.entries(config.files[sourceId] ?? {}).map(([field, path]) => [field, readSecretFile(path).ok]),
      ),
    }),
    origin: `the config file ${config.file}`,
    demo: false,
    receivers: (config.receivers ?? []).map(({ receiver, secret }) => ({
      receiver,
      secret:
        'env' in secret
          ? env[secret.env]
          : (() => {
              const read = readSecretFile(secret.file);
              return read.ok ? read.value : undefined;
            })(),
    })),
    close: async () => undefined,
  };
}
