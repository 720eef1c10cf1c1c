import { sourceError, type SourceError } from '@shared/model/errors';
import type { ProviderKind, SourceConfig } from '@shared/model/source';
import { err, ok, type Result } from '@shared/result';
import { formatPath, type Http } from '../providers/http';
import type { Connection, Provider } from '../providers/provider';
import { accountKey } from './account-key';
import { budgetPolicyFor } from './budget-policy';
import type { Budgets } from './budget';
import type { CredentialResolver } from './types';

/** A source ready to poll, or why it cannot be. */
export type Resolution =
  | { readonly kind: 'ready'; readonly provider: Provider; readonly connection: Connection; readonly account: string }
  | { readonly kind: 'failed'; readonly error: SourceError };

export interface SourceDeps {
  readonly providers: (kind: ProviderKind) => Provider | undefined;
  readonly resolveCredentials: CredentialResolver;
  readonly budgets: Budgets;
  /** The plain client; each connection gets it wrapped in its account's budget. */
  readonly http: Http;
  readonly now: () => number;
}

const failed = (error: SourceError): Resolution => ({ kind: 'failed', error });

/** "NAVER VPE · Main account": how messages name a source. */
export function sourceLabel(config: SourceConfig, provider: Provider | undefined): string {
  return `${provider?.label ?? config.provider} · ${config.name}`;
}

/**
 * Turns a stored source into a connection: provider, options parsed by the
 * provider's own schema, base URL, secrets, budget, connect. Every way this
 * can fail is a `config` error naming what to fix; it never throws.
 * `given` secrets (a connection test from the form) take precedence and the
 * resolver is asked only for the rest.
 */
export async function resolveSource(
  config: SourceConfig,
  deps: SourceDeps,
  given: Readonly<Record<string, string>> = {},
): Promise<Resolution> {
  const provider = deps.providers(config.provider);
  const label = sourceLabel(config, provider);
  if (provider === undefined)
    return failed(sourceError('config', `${label}: Streamwatch has no provider for "${config.provider}".`));

  const options = provider.optionsSchema.safeParse(config.options ?? {});
  if (!options.success) {
    const issue = options.error.issues[0];
    const path = issue ? formatPath(issue.path) : '(options)';
    return failed(
      sourceError('config', `${label}: option ${path} is invalid — ${issue?.message ?? 'invalid'}.`, { path }),
    );
  }

  const secrets = await secretsFor(config, provider, deps.resolveCredentials, given);
  if (!secrets.ok)
    return failed(secrets.error.kind === 'config' ? secrets.error : { ...secrets.error, kind: 'config' });
  const missing = provider.secretFields.filter((field) => !secrets.value[field]);
  if (missing.length > 0) {
    return failed(
      sourceError('config', `${label}: no ${missing.join(' or ')} is stored; enter it in the source's settings.`, {
        path: missing[0],
      }),
    );
  }

  const baseUrl = config.baseUrl ?? provider.defaultBaseUrl;
  const account = accountKey(provider.kind, baseUrl, secrets.value);
  const http = deps.budgets.wrap(deps.http, account, budgetPolicyFor(provider.kind, baseUrl, options.data));
  try {
    const connection = provider.connect(
      { id: config.id, name: config.name, baseUrl, options: options.data, secrets: secrets.value },
      { http, now: deps.now },
    );
    return { kind: 'ready', provider, connection, account };
  } catch (cause) {
    console.error(`[sources] ${label} could not connect`, cause);
    return failed(sourceError('config', `${label}: the source could not be set up; the details are in the log.`));
  }
}

async function secretsFor(
  config: SourceConfig,
  provider: Provider,
  resolve: CredentialResolver,
  given: Readonly<Record<string, string>>,
): Promise<Result<Readonly<Record<string, string>>, SourceError>> {
  const wanted = provider.secretFields.filter((field) => !given[field]);
  if (wanted.length === 0) return ok(given);
  try {
    const found = await resolve(config, wanted);
    return found.ok ? ok({ ...found.value, ...given }) : found;
  } catch (cause) {
    console.error(`[sources] reading the secrets of ${config.id} failed`, cause);
    return err(
      sourceError(
        'config',
        `${sourceLabel(config, provider)}: the stored secrets could not be read; the details are in the log.`,
      ),
    );
  }
}
