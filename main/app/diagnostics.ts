import type { SourceState } from '@shared/model/state';

/**
 * Help › Copy diagnostics: what a person needs to file a useful report
 * (versions, OS, each source's health and its recent errors), as plain text
 * to paste. It holds no secret: it is built only from names, health and
 * error sentences (which are written without secrets), and is scrubbed once
 * more for anything secret-shaped a platform may have echoed back.
 */
export interface DiagnosticsInput {
  readonly versions: Readonly<Record<string, string | undefined>>;
  readonly os: { readonly platform: string; readonly release: string; readonly arch: string };
  readonly generatedAt: number;
  readonly demo: boolean;
  readonly sources: readonly SourceState[];
  readonly recentErrors: (sourceId: string) => readonly RememberedError[];
  readonly logFolder: string | null;
  readonly updates: string;
}

export interface RememberedError {
  readonly at: number;
  readonly kind: string;
  readonly message: string;
}

const KEEP_ERRORS = 5;

/** The last few distinct errors of each source, fed from the hub's source updates. */
export function createErrorMemory() {
  const bySource = new Map<string, RememberedError[]>();
  return {
    observe(source: SourceState): void {
      if (source.health.status !== 'error') return;
      const list = bySource.get(source.id) ?? [];
      const { error, since } = source.health;
      // The same failure is reported on every poll; it is remembered once, from when it began.
      if (list.some((e) => e.at === since && e.message === error.message)) return;
      list.push({ at: since, kind: error.kind, message: error.message });
      bySource.set(source.id, list.slice(-KEEP_ERRORS));
    },
    forget(sourceId: string): void {
      bySource.delete(sourceId);
    },
    recent: (sourceId: string): readonly RememberedError[] => bySource.get(sourceId) ?? [],
  };
}

export function diagnosticsReport(input: DiagnosticsInput): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  const lines = [
    'Streamwatch diagnostics',
    `Generated: ${iso(input.generatedAt)}`,
    ...Object.entries(input.versions)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, version]) => `${name}: ${version}`),
    `OS: ${input.os.platform} ${input.os.release} (${input.os.arch})`,
    `Demo data: ${input.demo ? 'yes' : 'no'}`,
    `Updates: ${input.updates}`,
    ...(input.logFolder ? [`Logs: ${input.logFolder}`] : []),
    '',
    `Sources (${input.sources.length}):`,
  ];
  for (const source of input.sources) {
    lines.push(`- ${source.name} [${source.providerLabel}${source.demo ? ', demo' : ''}]: ${healthText(source)}`);
    lines.push(`  last good poll: ${source.lastOkAt === null ? 'never' : iso(source.lastOkAt)}`);
    for (const error of input.recentErrors(source.id)) {
      lines.push(`  ${iso(error.at)} ${error.kind}: ${error.message}`);
    }
  }
  return scrubSecrets(`${lines.join('\n')}\n`);
}

function healthText(source: SourceState): string {
  const health = source.health;
  switch (health.status) {
    case 'error':
      return `error (${health.error.kind}${health.error.status ? `, HTTP ${health.error.status}` : ''}) — ${health.error.message}`;
    case 'paused':
      return `paused — ${health.reason}`;
    default:
      return health.status;
  }
}

/**
 * Removes what looks like a credential: a user:password in a URL, query
 * values, bearer/basic tokens, key=value pairs named like secrets, JWTs, and
 * long opaque tokens.
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1[redacted]@')
    .replace(/([?&][^=\s&#]+=)[^\s&#]+/g, '$1[redacted]')
    .replace(/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]')
    .replace(
      /\b((?:api[_-]?key|apikey|secret|token|password|passwd|authorization|access[_-]?key|client[_-]?secret)["']?\s*[:=]\s*["']?)[^\s"',;]+/gi,
      '$1[redacted]',
    )
    .replace(/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[redacted]')
    .replace(/\b[A-Za-z0-9_-]{32,}\b/g, '[redacted]');
}
