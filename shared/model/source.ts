import { z } from 'zod';

/**
 * A platform's name in the provider registry (main/providers/registry.ts), such as
 * "naver-vpe". The registry is the one list of platforms: main checks a name
 * against it wherever a source is read, so this schema checks only the form.
 */
export const ProviderKindSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a platform name in lower case, such as "naver-vpe"');
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

export const SourceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, ".", "_" or "-"');

/** A configured platform account, without its secrets (those live in the keychain). */
export const SourceConfigSchema = z.object({
  id: SourceIdSchema,
  provider: ProviderKindSchema,
  name: z.string().min(1).max(80),
  baseUrl: z.url().optional(),
  enabled: z.boolean().default(true),
  options: z.record(z.string(), z.unknown()).default({}),
});
export type SourceConfig = z.infer<typeof SourceConfigSchema>;

/** What a form needs to know about one field a provider asks for. */
export const FieldSpecSchema = z.object({
  key: z.string(),
  label: z.string(),
  secret: z.boolean(),
  kind: z.enum(['text', 'select', 'list', 'number', 'boolean']),
  help: z.string().optional(),
  choices: z.array(z.string()).optional(),
  defaultValue: z.union([z.string(), z.number(), z.boolean()]).optional(),
  required: z.boolean().default(false),
});
export type FieldSpec = z.infer<typeof FieldSpecSchema>;

/** How a platform names its "viewers now" number, shown beside every figure. */
export const ViewerMetricSchema = z.object({
  label: z.string(),
  unit: z.enum(['viewers', 'participants', 'concurrent plays']),
  definition: z.string(),
});
export type ViewerMetric = z.infer<typeof ViewerMetricSchema>;
