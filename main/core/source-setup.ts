import type { ReceiverConfig } from '@shared/model/receivers';
import type { SourceConfig } from '@shared/model/source';
import type { CredentialResolver } from '../engine/types';

/**
 * What a run polls when its sources are fixed (a headless config file, the demo), however it was described: the sources, where
 * their secrets come from, and anything to shut down at the end (simulators).
 */
export interface SourceSetup {
  readonly sources: readonly SourceConfig[];
  readonly resolve: CredentialResolver;
  readonly presence: (sourceId: string) => Record<string, boolean>;
  /** For sentences: "the config file sources.json", "the built-in demo". */
  readonly origin: string;
  readonly demo: boolean;
  /** Alert receivers from the config file, with their secrets as found in the environment. */
  readonly receivers?: readonly { readonly receiver: ReceiverConfig; readonly secret: string | undefined }[];
  close(): Promise<void>;
}
