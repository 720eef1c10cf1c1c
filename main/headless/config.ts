import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ProviderKindSchema, SourceIdSchema, type SourceConfig } from '@shared/model/source';
import { err, ok, type Result } from '@shared/result';
import { formatPath } from '../providers/http';
import type { Provider } from '../providers/provider';
import { providerFor } from '../providers/registry';
import type { EnvBindings } from '../credentials/env-store';

/**
 * The headless config file (a public format, documented in the README):
 *   {"sources": [{"id", "provider", "name", "baseUrl"?, "options"?, "secrets": {"<field>": {"env": "<VARIABLE>"}}}]}
 * Secrets are never in the file, only the names of the environment variables
 * that hold them. Objects are strict: a misspelt key ("secret") is an error
 * naming it, not a silently ignored line.
 */

const EnvNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, "_")');

const SecretRefSchema = z.object({ env: EnvNameSchema }).strict();

const providerList = ProviderKindSchema.options.join(', ');

const ConfigSourceSchema = z
  .object({
    id: SourceIdSchema,
    provider: z.enum(ProviderKindSchema.options, {
      error: (issue) =>
        typeof issue.input === 'string'
          ? `unknown provider ${JSON.stringify(issue.input)} (use one of ${providerList})`
          : `must be one of ${providerList}`,
    }),
    name: z.string().min(1).max(80),
    baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    secrets: z.record(z.string().min(1).max(64), SecretRefSchema).optional(),
  })
  .strict();

const ConfigFileSchema = z.object({ sources: z.array(ConfigSourceSchema).min(1, 'list at least one source') }).strict();

export interface HeadlessConfig {
  readonly file: string;
  readonly sources: readonly SourceConfig[];
  /** Per source id: secret field → environment variable name. */
  readonly env: EnvBindings;
}

/** "<file>: field <path> — <why>", the one shape every config error takes. */
export interface ConfigError {
  readonly file: string;
  readonly field: string | null;
  readonly message: string;
}

export function describeConfigError(error: ConfigError): string {
  return error.field === null
    ? `${error.file}: ${error.message}`
    : `${error.file}: field ${error.field} — ${error.message}`;
}

export async function loadConfigFile(file: string): Promise<Result<HeadlessConfig, ConfigError>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot be read (${code ?? 'error'})`;
    return err({ file, field: null, message: why });
  }
  return parseConfigText(file, text);
}

export function parseConfigText(
  file: string,
  text: string,
  lookup: typeof providerFor = providerFor,
): Result<HeadlessConfig, ConfigError> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof SyntaxError ? ` (${cause.message})` : '';
    return err({ file, field: null, message: `not valid JSON${detail}` });
  }
  const parsed = ConfigFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Zod reports an unknown key at its parent's path; name the key itself.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const message = issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message;
    return err({ file, field: path.length === 0 ? '(top level)' : formatPath(path), message });
  }
  const sources: SourceConfig[] = [];
  const env: Record<string, Record<string, string>> = {};
  const seen = new Set<string>();
  for (const [index, entry] of parsed.data.sources.entries()) {
    const at = `sources[${index}]`;
    if (seen.has(entry.id))
      return err({ file, field: `${at}.id`, message: `duplicate source id ${JSON.stringify(entry.id)}` });
    seen.add(entry.id);
    const provider = lookup(entry.provider);
    if (!provider)
      return err({ file, field: `${at}.provider`, message: `${entry.provider} is not available in this build` });
    const checked = checkAgainstProvider(provider, entry.options ?? {}, entry.secrets ?? {});
    if (checked) return err({ file, field: `${at}.${checked.field}`, message: checked.message });
    sources.push({
      id: entry.id,
      provider: entry.provider,
      name: entry.name,
      ...(entry.baseUrl ? { baseUrl: entry.baseUrl } : {}),
      enabled: true,
      options: entry.options ?? {},
    });
    env[entry.id] = Object.fromEntries(Object.entries(entry.secrets ?? {}).map(([field, ref]) => [field, ref.env]));
  }
  return ok({ file, sources, env });
}

/** Options and secret names are checked when the file is read, so a typo fails fast instead of on every poll. */
function checkAgainstProvider(
  provider: Provider<unknown>,
  options: Record<string, unknown>,
  secrets: Record<string, unknown>,
): { field: string; message: string } | null {
  const parsed = provider.optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { field: formatPath(['options', ...(issue?.path ?? [])]), message: issue?.message ?? 'invalid' };
  }
  for (const field of provider.secretFields) {
    if (!(field in secrets)) {
      return { field: `secrets.${field}`, message: `${provider.label} needs this secret: add {"env": "<VARIABLE>"}` };
    }
  }
  for (const field of Object.keys(secrets)) {
    if (!provider.secretFields.includes(field)) {
      return {
        field: `secrets.${field}`,
        message: `not a secret of ${provider.label} (its secrets: ${provider.secretFields.join(', ')})`,
      };
    }
  }
  return null;
}
