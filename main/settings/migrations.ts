/**
 * Each migration takes the parsed JSON of one version to the next. They work
 * on plain objects and keep every field they do not rename.
 */
type Json = Record<string, unknown>;

const migrations: Record<number, (old: Json) => Json> = {
  /**
   * Version 1 named a source's platform `type` and its base URL `url`, and kept
   * the demo switch and theme at the top level.
   */
  1: (old) => {
    const { demoMode, theme, sources, ...rest } = old;
    return {
      ...rest,
      version: 2,
      demo: demoMode ?? true,
      preferences: { ...(rest.preferences as Json | undefined), ...(theme === undefined ? {} : { theme }) },
      sources: Array.isArray(sources)
        ? sources.map((source: Json) => {
            const { type, url, ...kept } = source;
            return { ...kept, provider: kept.provider ?? type, ...(url === undefined ? {} : { baseUrl: url }) };
          })
        : sources,
    };
  },
};

/** Brings a settings object up to `target`; an unknown or future version is left as it is for the schema to judge. */
export function migrate(data: unknown, target: number): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  let current = data as Json;
  while (typeof current.version === 'number' && current.version < target) {
    const step = migrations[current.version];
    if (!step) break;
    current = step(current);
  }
  return current;
}
