import { z } from 'zod';
import type { FieldSpec } from '@shared/model/source';

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
  sessionsPeriod: z.enum(['last-24-hours', 'today', 'last-2-days', 'last-7-days']).default('last-24-hours'),
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

/**
 * api.video's analytics take date-times in the ATOM form only: whole seconds
 * and a numeric offset (2024-02-05T00:00:00+00:00), no fraction, no "Z".
 */
export function atomDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19) + '+00:00';
}

function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY = 86_400_000;

/**
 * The legacy analytics `period`: one UTC day, or "from/to" days inclusive.
 * "last-24-hours" asks for yesterday and today, because "today" alone starts
 * empty at 00:00 UTC; sessionsToKeep then trims the answer to the last 24 h.
 */
export function periodFor(sessionsPeriod: ApiVideoOptions['sessionsPeriod'], now: number): string {
  const day = DAY;
  switch (sessionsPeriod) {
    case 'last-24-hours':
      return `${utcDate(now - day)}/${utcDate(now)}`;
    case 'today':
      return utcDate(now);
    case 'last-2-days':
      return `${utcDate(now - day)}/${utcDate(now)}`;
    case 'last-7-days':
      return `${utcDate(now - 6 * day)}/${utcDate(now)}`;
  }
}

/** Whether a listed session belongs to the chosen period: only "last-24-hours" is narrower than its days. */
export function inPeriod(
  sessionsPeriod: ApiVideoOptions['sessionsPeriod'],
  now: number,
  session: { readonly endedAt: number | null },
): boolean {
  if (sessionsPeriod !== 'last-24-hours') return true;
  // A session still open, or one that ended within the last day, was watched in the last 24 h.
  return (session.endedAt ?? now) >= now - DAY;
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
    choices: ['last-24-hours', 'today', 'last-2-days', 'last-7-days'],
    defaultValue: 'last-24-hours',
    required: false,
  },
];
