import { z } from 'zod';

/**
 * How a poll failed. The kind decides what the scheduler does next
 * (back off, wait for Retry-After, stop until credentials change) and which
 * alert rule applies; the message is the sentence a person reads.
 */
export const ErrorKindSchema = z.enum([
  'network',
  'timeout',
  'http',
  'auth',
  'rate-limited',
  'schema',
  'provider',
  'config',
]);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

export const SourceErrorSchema = z.object({
  kind: ErrorKindSchema,
  /** One sentence, never containing a secret. */
  message: z.string(),
  /** HTTP status when there was one. */
  status: z.number().int().optional(),
  /** When the platform said to come back (epoch ms), from Retry-After or its own headers. */
  retryAt: z.number().optional(),
  /** True when the limit is a daily cap rather than a per-second or per-minute one. */
  daily: z.boolean().optional(),
  /** For `schema` errors: the path of the first field that could not be accepted. */
  path: z.string().optional(),
  /** The platform's own error code, when it gave one. */
  code: z.string().optional(),
});
export type SourceError = z.infer<typeof SourceErrorSchema>;

export function sourceError(kind: ErrorKind, message: string, extra: Partial<SourceError> = {}): SourceError {
  return { ...extra, kind, message };
}
