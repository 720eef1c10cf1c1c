import { rateLimitedError } from '../rate-limited';
import { sourceError, type SourceError } from '@shared/model/errors';
import { describeBody, statusError, type HttpAnswer } from '../http';
import type { TimeWindow } from './window-planner';

export const LABEL = 'Conviva';

/**
 * Conviva sends no rate-limit headers; its limits are per minute, so a 429
 * means waiting a little over a minute (Conviva's rate-limit documentation).
 */
export const RATE_LIMIT_WAIT_MS = 65_000;

export type ConvivaFeature = 'real-time' | 'sessions';

const FEATURE_NAMES: Record<ConvivaFeature, string> = {
  'real-time': 'real-time metrics (Real-Time Metrics API)',
  sessions: 'content sessions (Sessions API)',
};

export interface RequestContext {
  readonly feature: ConvivaFeature;
  /** The parameters sent, so a refusal can name the one it is about. */
  readonly params: Readonly<Record<string, string>>;
  readonly window?: TimeWindow;
}

/** Turns a non-2xx Conviva answer into one sentence a person can act on. */
export function convivaError(answer: HttpAnswer, context: RequestContext, now: number): SourceError {
  const status = answer.status;
  const said = bodySaid(answer, status);
  switch (status) {
    case 401:
      return sourceError(
        'auth',
        `${LABEL} refused the API client id and secret (${said}); use an API client from Pulse’s API Management page, as Pulse user logins are refused.`,
        { status },
      );
    case 403: {
      const advice =
        context.feature === 'sessions' ? '; ask Conviva for access or turn off sessions for this source' : '';
      return sourceError(
        'auth',
        `${LABEL} says this account is not entitled to ${FEATURE_NAMES[context.feature]} (${said})${advice}.`,
        {
          status,
        },
      );
    }
    case 400:
    case 422:
      return badRequest(answer, context, said);
    case 413:
      return sourceError(
        'http',
        `${LABEL}'s answer for ${FEATURE_NAMES[context.feature]} was over its 5.7 MB limit (${said}).`,
        {
          status,
        },
      );
    case 429:
      return rateLimitedError({
        label: LABEL,
        said,
        retryAt: now + RATE_LIMIT_WAIT_MS,
        guessed: 'it sends no retry time',
        now,
        extra: { status },
      });
    default:
      return statusError(LABEL, answer, now);
  }
}

function badRequest(answer: HttpAnswer, context: RequestContext, said: string): SourceError {
  const status = answer.status;
  const detail = describeBody(answer.text).toLowerCase();
  const window = context.window;
  // Conviva's texts are not documented; these words are what a range refusal is bound to mention.
  if (window && /(range|31 days|3 hours|hours|days|time|date|epoch)/.test(detail) && !/\blimit\b/.test(detail)) {
    return sourceError(
      'http',
      `${LABEL} refused the time window ${formatWindow(window)} as out of range (${said}): a window may span at most 3 hours and must start within the last 31 days.`,
      { status, code: 'window-out-of-range' },
    );
  }
  const param = namedParameter(detail, Object.keys(context.params));
  if (param) {
    const value = context.params[param];
    return sourceError('http', `${LABEL} rejected the parameter ${param}=${value} (${said}).`, {
      status,
      code: `bad-parameter:${param}`,
    });
  }
  return sourceError('http', `${LABEL} rejected the ${FEATURE_NAMES[context.feature]} request (${said}).`, { status });
}

/** The longest parameter name the body mentions, so "is_video_start_failure_tech" beats its prefix. */
function namedParameter(detail: string, names: readonly string[]): string | undefined {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .find((name) => new RegExp(`(^|[^a-z0-9_])${escape(name.toLowerCase())}($|[^a-z0-9_])`).test(detail));
}

/** True when a 400/422 is about `limit`: older accounts refuse more than 500 (see docs/platforms.md). */
export function isLimitRefusal(answer: HttpAnswer): boolean {
  return (answer.status === 400 || answer.status === 422) && /\blimit\b/i.test(describeBody(answer.text));
}

function bodySaid(answer: HttpAnswer, status: number): string {
  const detail = describeBody(answer.text).replace(/[.\s]+$/, '');
  return detail ? `${status}: ${detail}` : String(status);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function formatWindow(window: TimeWindow): string {
  const start = new Date(window.start).toISOString();
  const end = new Date(window.end).toISOString();
  const sameDay = start.slice(0, 10) === end.slice(0, 10);
  return `${start.slice(0, 10)} ${start.slice(11, 16)}–${sameDay ? '' : `${end.slice(0, 10)} `}${end.slice(11, 16)} UTC`;
}
