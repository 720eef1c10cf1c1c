import { z } from 'zod';
import type { FieldSpec } from '@shared/model/source';
import { GRANULARITY_MS, type Granularity } from './units';

/** The failure filters of seed 003, sent as `?<name>=true|false`. */
export const FAILURE_FILTERS = [
  'is_video_start_failure',
  'is_video_start_failure_business',
  'is_video_start_failure_tech',
  'is_video_playback_failure',
  'is_video_playback_failure_business',
  'is_video_playback_failure_tech',
  'is_exit_before_video_start',
] as const;
export type FailureFilter = (typeof FAILURE_FILTERS)[number];

/** Parameters the provider sets itself; a dimension filter may not take their names. */
const RESERVED = new Set<string>([
  'limit',
  'session_id',
  'start_date',
  'end_date',
  'start_epoch',
  'end_epoch',
  'start_epoch_ms',
  'end_epoch_ms',
  ...FAILURE_FILTERS,
]);

/** Forms give lists of "key=value" lines; config files may give an object. Both are accepted. */
function pairsToRecord(value: unknown): unknown {
  if (!Array.isArray(value)) return value ?? {};
  const record: Record<string, unknown> = {};
  for (const line of value) {
    if (typeof line !== 'string') return value;
    const at = line.indexOf('=');
    if (at <= 0) return value;
    record[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return record;
}

const paramName = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, ".", "_" or "-"');
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((word) => word === 'true')]);

export const ConvivaOptionsSchema = z.object({
  granularity: z.enum(Object.keys(GRANULARITY_MS) as [Granularity, ...Granularity[]]).default('PT1M'),
  /** A real-time group-by dimension (kebab-case as in Conviva's paths), or "none". */
  breakdownDimension: z
    .string()
    .regex(/^[a-z][a-z0-9-]*(\/[a-z0-9_-]+)?$/, 'a dimension such as device or device-os, or none')
    .default('device'),
  /** Off for accounts without the Sessions API, so a 403 there does not hide live numbers. */
  fetchSessions: z.boolean().default(true),
  limit: z.coerce.number().int().min(1).max(1500).default(1500),
  failureFilters: z.preprocess(pairsToRecord, z.partialRecord(z.enum(FAILURE_FILTERS), flag)).default({}),
  dimensionFilters: z
    .preprocess(pairsToRecord, z.record(paramName, z.string().min(1)))
    .refine((filters) => Object.keys(filters).every((key) => !RESERVED.has(key) && !key.startsWith('tag_')), {
      message: 'a dimension filter cannot use a reserved parameter name (use tagFilters for tag_ names)',
    })
    .default({}),
  /** Custom tags, with or without the `tag_` prefix. */
  tagFilters: z
    .preprocess(pairsToRecord, z.record(paramName, z.string().min(1)))
    .transform((tags) =>
      Object.fromEntries(
        Object.entries(tags).map(([key, value]) => [key.startsWith('tag_') ? key : `tag_${key}`, value]),
      ),
    )
    .default({}),
});
export type ConvivaOptions = z.infer<typeof ConvivaOptionsSchema>;

/** The query parameters every sessions request carries, from the options. */
export function sessionFilterParams(options: ConvivaOptions): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.failureFilters)) {
    if (value !== undefined) params[name] = String(value);
  }
  return { ...params, ...options.dimensionFilters, ...options.tagFilters };
}

export const CONVIVA_SECRET_FIELDS = ['clientId', 'clientSecret'] as const;

export const CONVIVA_FIELDS: readonly FieldSpec[] = [
  {
    key: 'clientId',
    label: 'API client id',
    secret: true,
    kind: 'text',
    required: true,
    help: 'Made on Pulse’s API Management page; Pulse user logins are refused.',
  },
  { key: 'clientSecret', label: 'API client secret', secret: true, kind: 'text', required: true },
  {
    key: 'granularity',
    label: 'Live series granularity',
    secret: false,
    kind: 'select',
    choices: Object.keys(GRANULARITY_MS),
    defaultValue: 'PT1M',
    required: false,
  },
  {
    key: 'breakdownDimension',
    label: 'Live breakdown by',
    secret: false,
    kind: 'text',
    defaultValue: 'device',
    help: 'A real-time group-by dimension such as device, device-os or cdn; "none" turns the breakdown off.',
    required: false,
  },
  {
    key: 'fetchSessions',
    label: 'Sampled content sessions',
    secret: false,
    kind: 'boolean',
    defaultValue: true,
    required: false,
  },
  {
    key: 'limit',
    label: 'Sessions per 3-hour window',
    secret: false,
    kind: 'number',
    defaultValue: 1500,
    help: '1–1500; accounts that refuse more than 500 are detected and use 500.',
    required: false,
  },
  {
    key: 'failureFilters',
    label: 'Failure filters',
    secret: false,
    kind: 'list',
    help: `One per line, e.g. is_video_start_failure=true. Names: ${FAILURE_FILTERS.join(', ')}.`,
    required: false,
  },
  {
    key: 'dimensionFilters',
    label: 'Dimension filters',
    secret: false,
    kind: 'list',
    help: 'One per line, e.g. device_os=iOS or client_id=…',
    required: false,
  },
  {
    key: 'tagFilters',
    label: 'Custom tag filters',
    secret: false,
    kind: 'list',
    help: 'One per line, e.g. league=premier',
    required: false,
  },
];
