import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SourceIdSchema, type SourceConfig } from '@shared/model/source';
import { err, ok, type Result } from '@shared/result';
import { firstIssue } from '@shared/zod-issue';
import type { Provider } from '../providers/provider';
import { providerFor, providerKinds } from '../providers/registry';
import type { EnvBindings } from '../credentials/env-store';
import type { FileBindings } from './secret-files';
import { ReceiverConfigSchema, ReceiverKindSchema, type ReceiverConfig } from '@shared/model/receivers';
import { checkReceiverUrl } from '../routing/url-policy';

/**
 * The headless config file (a public format, documented in the README):
 *   {"sources": [{"id", "provider", "name", "baseUrl"?, "options"?, "secrets": {"<field>": {"env": "<VARIABLE>"}}}],
 *    "receivers"?: [{"id", "kind", "name", "url"?, "secret": {"env": "<VARIABLE>"}}]}
 * Secrets are never in the file, only the names of the environment variables
 * that hold them, or of files that do ({"file": "<path>"}, for a server with
 * no keychain; see secret-files.ts). Objects are strict: a misspelt key ("secret") is an error
 * naming it, not a silently ignored line.
 */

const EnvNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name (letters, digits, "_")');

const SecretRefSchema = z
  .object({ env: EnvNameSchema.optional(), file: z.string().min(1).max(4096).optional() })
  .strict()
  .refine((ref) => (ref.env === undefined) !== (ref.file === undefined), {
    error: 'give exactly one of {"env": "<VARIABLE>"} or {"file": "<path>"}',
  });
type SecretRef = z.infer<typeof SecretRefSchema>;

/** Where one secret comes from: an environment variable or a file. */
export type SecretSource = { readonly env: string } | { readonly file: string };

function secretSource(ref: SecretRef): SecretSource {
  return ref.file !== undefined ? { file: ref.file } : { env: ref.env! };
}

const providerList = providerKinds.join(', ');

const ConfigSourceSchema = z
  .object({
    id: SourceIdSchema,
    provider: z.enum(providerKinds as [string, ...string[]], {
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

/** Alert receivers of a collector run from a config file; the secret (Slack/Teams URL, routing key, signing secret) from the environment. */
const ConfigReceiverSchema = z
  .object({
    id: ReceiverConfigSchema.shape.id,
    kind: ReceiverKindSchema,
    name: z.string().min(1).max(80),
    url: z.string().max(2048).optional(),
    enabled: z.boolean().optional(),
    secret: SecretRefSchema,
  })
  .strict();

const ConfigFileSchema = z
  .object({
    sources: z.array(ConfigSourceSchema).min(1, 'list at least one source'),
    receivers: z.array(ConfigReceiverSchema).optional(),
  })
  .strict();

export interface HeadlessConfig {
  readonly file: string;
  readonly sources: readonly SourceConfig[];
  /** Per source id: secret field → environment variable name. */
  readonly env: EnvBindings;
  /** Per source id: secret field → file that holds it. */
  readonly files: FileBindings;
  /** Alert receivers, each with where its secret is. */
  readonly receivers?: readonly { readonly receiver: ReceiverConfig; readonly secret: SecretSource }[];
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
    const issue = firstIssue(parsed.error, '(top level)');
    return err({ file, field: issue.path, message: issue.message });
  }
  const sources: SourceConfig[] = [];
  const env: Record<string, Record<string, string>> = {};
  const files: Record<string, Record<string, string>> = {};
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
    const refs = Object.entries(entry.secrets ?? {}).map(([field, ref]) => [field, secretSource(ref)] as const);
    env[entry.id] = Object.fromEntries(refs.flatMap(([field, ref]) => ('env' in ref ? [[field, ref.env]] : [])));
    files[entry.id] = Object.fromEntries(refs.flatMap(([field, ref]) => ('file' in ref ? [[field, ref.file]] : [])));
  }
  const receivers: { receiver: ReceiverConfig; secret: SecretSource }[] = [];
  for (const [index, entry] of (parsed.data.receivers ?? []).entries()) {
    if (entry.url !== undefined) {
      const checked = checkReceiverUrl(entry.url);
      if (!checked.ok) return err({ file, field: `receivers[${index}].url`, message: checked.message });
    }
    if (entry.kind === 'webhook' && entry.url === undefined)
      return err({ file, field: `receivers[${index}].url`, message: 'a webhook needs the address to send to' });
    const { secret, enabled, ...rest } = entry;
    receivers.push({ receiver: { ...rest, enabled: enabled ?? true }, secret: secretSource(secret) });
  }
  return ok({ file, sources, env, files, receivers });
}

/** Options and secret names are checked when the file is read, so a typo fails fast instead of on every poll. */
function checkAgainstProvider(
  provider: Provider<unknown>,
  options: Record<string, unknown>,
  secrets: Record<string, unknown>,
): { field: string; message: string } | null {
  const parsed = provider.optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error, 'options', ['options']);
    return { field: issue.path, message: issue.message };
  }
  for (const field of provider.secretFields) {
    if (!(field in secrets)) {
      return {
        field: `secrets.${field}`,
        message: `${provider.label} needs this secret: add {"env": "<VARIABLE>"} or {"file": "<path>"}`,
      };
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

/** Every secret file the config names, to check once at start. */
export function secretFilesOf(config: HeadlessConfig): string[] {
  const fromSources = Object.values(config.files).flatMap((fields) => Object.values(fields));
  const fromReceivers = (config.receivers ?? []).flatMap(({ secret }) => ('file' in secret ? [secret.file] : []));
  return [...fromSources, ...fromReceivers];
}
