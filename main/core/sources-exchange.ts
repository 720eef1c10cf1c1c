import { z } from 'zod';
import { SourceConfigSchema, type SourceConfig } from '@shared/model/source';
import { err, ok, type AppError, type Result } from '@shared/result';
import { formatPath } from '../providers/http';

/**
 * The shareable source list: configuration only. Secrets are never part of
 * it, so a file passed around a team holds nothing that needs protecting.
 */
const ExchangeSchema = z.object({
  streamwatch: z.literal('sources'),
  version: z.literal(1),
  sources: z.array(SourceConfigSchema),
});

export function exportSourcesJson(sources: readonly SourceConfig[]): string {
  return `${JSON.stringify({ streamwatch: 'sources', version: 1, sources }, null, 2)}\n`;
}

export function parseSourcesJson(json: string): Result<SourceConfig[], AppError> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return err({ code: 'bad-file', message: 'The file is not JSON; choose a source list exported by Streamwatch.' });
  }
  const parsed = ExchangeSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err({
      code: 'bad-file',
      message: `The source list is not valid: field ${formatPath(issue?.path ?? [])} — ${issue?.message ?? 'invalid'}.`,
    });
  }
  return ok(parsed.data.sources);
}
