import { z } from 'zod';
import type { FieldSpec } from '@shared/model/source';
import type { Query } from './client';

export const PRODUCTION_URL = 'https://ws.api.video';
export const SANDBOX_URL = 'https://sandbox.api.video';

/** A list typed into a form arrives as one string; from a config file, as an array. Both are accepted. */
const IdList = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (Array.isArray(value) ? value : value.split(/[\s,]+/)).map((id) => id.trim()).filter(Boolean))
  .default([]);

export const ApiVideoOptionsSchema = z.object({
  environment: z.enum(['production', 'sandbox']).default('production'),
  authMode: z.enum(['basic', 'token']).default('basic'),
  /** When either list is non-empty the source watches exactly these media and nothing else. */
  liveStreamIds: IdList,
  videoIds: IdList,
  /** Which days of player sessions to list; the sandbox keeps only the last 24 h anyway. */
  sessionsPeriod: z.enum(['today', 'last-2-days', 'last-7-days']).default('today'),
});
export type ApiVideoOptions = z.output<typeof ApiVideoOptionsSchema>;

/**
 * The engine hands connect() a base URL already resolved from the source's
 * config or, when none was set, the provider's default (production). So a
 * sandbox source whose URL is still the production default gets the sandbox
 * host; any other URL was chosen on purpose (a proxy, the simulator) and wins.
 */
export function baseUrlFor(baseUrl: string, options: Pick<ApiVideoOptions, 'environment'>): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (options.environment === 'sandbox' && trimmed === PRODUCTION_URL) return SANDBOX_URL;
  return trimmed;
}

export function isRestricted(options: ApiVideoOptions): boolean {
  return options.liveStreamIds.length > 0 || options.videoIds.length > 0;
}

/** One filtered analytics call for the whole source, never one per stream. */
export function mediaFilter(options: ApiVideoOptions): Query {
  if (!isRestricted(options)) return [['filterBy[mediaType]', 'live-stream']];
  return [...options.liveStreamIds, ...options.videoIds].map((id) => ['filterBy[mediaId][]', id] as const);
}

function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The legacy analytics `period`: one UTC day, or "from/to" days inclusive. */
export function periodFor(sessionsPeriod: ApiVideoOptions['sessionsPeriod'], now: number): string {
  const day = 86_400_000;
  switch (sessionsPeriod) {
    case 'today':
      return utcDate(now);
    case 'last-2-days':
      return `${utcDate(now - day)}/${utcDate(now)}`;
    case 'last-7-days':
      return `${utcDate(now - 6 * day)}/${utcDate(now)}`;
  }
}

export const API_VIDEO_FIELDS: readonly FieldSpec[] = [
  {
    key: 'apiKey',
    label: 'API key',
    secret: true,
    kind: 'text',
    required: true,
    help: 'Each environment has its own key.',
  },
  {
    key: 'environment',
    label: 'Environment',
    secret: false,
    kind: 'select',
    choices: ['production', 'sandbox'],
    defaultValue: 'production',
    required: false,
  },
  {
    key: 'authMode',
    label: 'Authentication',
    secret: false,
    kind: 'select',
    choices: ['basic', 'token'],
    defaultValue: 'basic',
    required: false,
    help: 'basic sends the key on every request; token exchanges it for short-lived access tokens.',
  },
  {
    key: 'liveStreamIds',
    label: 'Live stream ids',
    secret: false,
    kind: 'list',
    required: false,
    help: 'Leave both lists empty to watch every live stream of the account.',
  },
  { key: 'videoIds', label: 'Video ids', secret: false, kind: 'list', required: false },
  {
    key: 'sessionsPeriod',
    label: 'Player sessions of',
    secret: false,
    kind: 'select',
    choices: ['today', 'last-2-days', 'last-7-days'],
    defaultValue: 'today',
    required: false,
  },
];
