import { z } from 'zod';
import { SessionSchema } from '../model/samples';
import { FieldSpecSchema, ProviderKindSchema, SourceConfigSchema, SourceIdSchema, ViewerMetricSchema } from '../model/source';
import { PatchSchema, SnapshotSchema } from '../model/state';

/**
 * The one place channel names are declared. Main registers handlers for
 * `requests`, the preload exposes one method per channel, the renderer calls
 * them through `renderer/src/api.ts`. Arguments are parsed in main with these
 * schemas; results come back as `Result` values.
 */
const none = z.object({}).strict();

export const ProviderInfoSchema = z.object({
  kind: ProviderKindSchema,
  label: z.string(),
  defaultBaseUrl: z.string(),
  metric: ViewerMetricSchema,
  fields: z.array(FieldSpecSchema),
});
export type ProviderInfo = z.infer<typeof ProviderInfoSchema>;

const SecretsSchema = z.record(z.string().min(1).max(64), z.string().min(1).max(4096));

export const requests = {
  'app:info': {
    args: none,
    result: z.object({ version: z.string(), shell: z.enum(['electron', 'headless']) }),
  },
  'state:snapshot': { args: none, result: SnapshotSchema },
  'sessions:detail': {
    args: z.object({ sourceId: SourceIdSchema, sessionId: z.string().min(1).max(512) }).strict(),
    result: SessionSchema,
  },
  'sources:list': {
    args: none,
    result: z.object({ sources: z.array(SourceConfigSchema), providers: z.array(ProviderInfoSchema) }),
  },
  'sources:save': {
    args: z.object({ source: SourceConfigSchema, secrets: SecretsSchema.default({}) }).strict(),
    result: SourceConfigSchema,
  },
  'sources:remove': { args: z.object({ sourceId: SourceIdSchema }).strict(), result: z.object({}) },
  /** Tries the entered values without storing anything; secrets missing here come from the keychain. */
  'sources:test': {
    args: z.object({ source: SourceConfigSchema, secrets: SecretsSchema.default({}) }).strict(),
    result: z.object({ message: z.string() }),
  },
  /** Secrets are write-only from the renderer: no channel returns one. */
  'credentials:has': {
    args: z.object({ sourceId: SourceIdSchema }).strict(),
    result: z.record(z.string(), z.boolean()),
  },
  'credentials:clear': {
    args: z.object({ sourceId: SourceIdSchema, field: z.string().min(1).max(64) }).strict(),
    result: z.object({}),
  },
  'polling:refresh': {
    args: z.object({ sourceId: SourceIdSchema.optional() }).strict(),
    result: z.object({}),
  },
  'polling:pause': { args: z.object({ paused: z.boolean() }).strict(), result: z.object({}) },
} as const;

export const pushes = {
  'state:patch': PatchSchema,
} as const;

export type RequestChannel = keyof typeof requests;
export type PushChannel = keyof typeof pushes;
export type RequestArgs<C extends RequestChannel> = z.input<(typeof requests)[C]['args']>;
export type RequestResult<C extends RequestChannel> = z.infer<(typeof requests)[C]['result']>;
export type PushPayload<C extends PushChannel> = z.infer<(typeof pushes)[C]>;

export const requestChannels = Object.keys(requests) as RequestChannel[];
export const pushChannels = Object.keys(pushes) as PushChannel[];
