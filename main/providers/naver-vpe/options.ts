import { z } from 'zod';
import type { FieldSpec } from '@shared/model/source';
import { isValidTimeZone } from './log-date';

export const NAVER_DEVICES = ['PC', 'Mobile', 'PC,Mobile'] as const;
export const NAVER_VIDEO_TYPES = ['VOD', 'LIVE', 'VOD,LIVE'] as const;
/** currentViewers is counted per minute and sessionRecent has no paging: polling faster buys nothing. */
export const NAVER_INTERVAL_MS = 60_000;

export const NaverOptionsSchema = z.object({
  device: z.enum(NAVER_DEVICES).default('PC,Mobile'),
  videoType: z.enum(NAVER_VIDEO_TYPES).default('VOD,LIVE'),
  timeZone: z
    .string()
    .trim()
    .refine(isValidTimeZone, 'not a known IANA time zone (e.g. "UTC" or "Asia/Seoul")')
    .default('UTC'),
  sessionLimit: z.coerce.number().int().min(1).max(100).default(100),
});
export type NaverOptions = z.infer<typeof NaverOptionsSchema>;

export const NAVER_FIELDS: readonly FieldSpec[] = [
  {
    key: 'apiKey',
    label: 'API key',
    secret: true,
    kind: 'text',
    required: true,
    help: 'Media Analytics admin page › Settings › Basic settings.',
  },
  {
    key: 'projectId',
    label: 'Company ID (x-project-id)',
    secret: true,
    kind: 'text',
    required: true,
    help: 'Shown beside the API key in Basic settings.',
  },
  {
    key: 'device',
    label: 'Device',
    secret: false,
    kind: 'select',
    choices: [...NAVER_DEVICES],
    defaultValue: 'PC,Mobile',
    required: false,
  },
  {
    key: 'videoType',
    label: 'Video type',
    secret: false,
    kind: 'select',
    choices: [...NAVER_VIDEO_TYPES],
    defaultValue: 'VOD,LIVE',
    required: false,
  },
  {
    key: 'timeZone',
    label: 'Time zone of NAVER dates',
    secret: false,
    kind: 'text',
    defaultValue: 'UTC',
    required: false,
    help: 'IANA name such as Asia/Seoul, if the admin page shows times in another zone than UTC.',
  },
  {
    key: 'sessionLimit',
    label: 'Recent sessions to fetch',
    secret: false,
    kind: 'number',
    defaultValue: 100,
    required: false,
    help: '1 to 100.',
  },
];
