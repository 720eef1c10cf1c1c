import type { SourceConfig } from '@shared/model/source';
import type { AppError, Result } from '@shared/result';

/**
 * Where the configured sources and their secrets live, as the request
 * handlers see it. The app implements it over the settings file and the
 * keychain; headless `--config` over the config file (read-only) and the
 * environment; `--demo` over the simulators. Secret values go in, never out.
 */
export interface SourcesPort {
  list(): Promise<Result<readonly SourceConfig[], AppError>>;
  save(
    source: SourceConfig,
    secrets: Readonly<Record<string, string>>,
    storage?: 'keychain' | 'session',
  ): Promise<Result<SourceConfig, AppError>>;
  remove(sourceId: string): Promise<Result<Record<string, never>, AppError>>;
  /**
   * The secrets to try a source with: those entered in the form, completed
   * with stored ones for the fields left empty (so "Test" works on an
   * existing source without retyping its key).
   */
  completeSecrets(
    source: SourceConfig,
    entered: Readonly<Record<string, string>>,
  ): Promise<Result<Readonly<Record<string, string>>, AppError>>;
  /** Which secret fields hold a value (never the values). */
  hasCredentials(sourceId: string): Promise<Result<Record<string, boolean>, AppError>>;
  clearCredential(sourceId: string, field: string): Promise<Result<Record<string, never>, AppError>>;
}
