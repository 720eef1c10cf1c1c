import type { SourceError } from '@shared/model/errors';
import type { Session } from '@shared/model/samples';
import { ok, type Result } from '@shared/result';
import type { Connection, Endpoint, ProviderDeps, ResolvedSource } from '../provider';
import { createZoomClient, type ListOptions, type Listing, type Query } from './client';
import { fetchSessionDetail } from './detail';
import { createJwtSigner } from './jwt';
import {
  CURSOR_MAX_AGE_MS,
  liveIntervalMs,
  PAST_INTERVAL_MS,
  pastPagesPerPoll,
  pastWindow,
  type ZoomOptions,
} from './options';
import { SessionListSchema, type RawSession, type SessionList } from './schema';
import { toLiveSample, toPastSample } from './to-model';

type SessionType = 'live' | 'past';

/** Sessions seen in listings, so a drill-down knows whether to ask for live or past users. */
const HELD_SESSIONS = 1000;

export function connectZoom(source: ResolvedSource<ZoomOptions>, deps: ProviderDeps): Connection {
  const signer = createJwtSigner({
    apiKey: source.secrets.apiKey ?? '',
    apiSecret: source.secrets.apiSecret ?? '',
    now: deps.now,
  });
  const client = createZoomClient({ http: deps.http, now: deps.now, baseUrl: source.baseUrl, signer });
  const { pageSize, pastDays, plan } = source.options;
  const held = new Map<string, Session>();

  function remember(sessions: readonly Session[]): void {
    for (const session of sessions) {
      held.delete(session.id);
      held.set(session.id, session);
    }
    for (const id of held.keys()) {
      if (held.size <= HELD_SESSIONS) break;
      held.delete(id);
    }
  }

  /** A past listing left unfinished by the last poll, to continue with the same query. */
  let cursor: { readonly query: Query; readonly token: string; readonly savedAt: number } | null = null;

  function sessionsQuery(type: SessionType): Query {
    // The seed marks from/to as required for both types; for live we follow its
    // example (a day's window), reaching back to yesterday for sessions begun before midnight UTC.
    const { from, to } = pastWindow(deps.now(), type === 'live' ? 1 : pastDays);
    return { type, from, to, page_size: pageSize };
  }

  function listSessions(
    query: Query,
    signal: AbortSignal,
    options?: ListOptions,
  ): Promise<Result<Listing<RawSession>, SourceError>> {
    const pick = (page: SessionList) => ({ items: page.sessions, next: page.next_page_token });
    return client.listAll('/videosdk/sessions', query, SessionListSchema, pick, signal, options);
  }

  const live: Endpoint = {
    name: 'live',
    intervalMs: liveIntervalMs(plan),
    async poll(signal) {
      // Live needs every page: participants now is a sum over all of them.
      const listing = await listSessions(sessionsQuery('live'), signal);
      if (!listing.ok) return listing;
      const sample = toLiveSample(
        source.id,
        listing.value.items,
        deps.now(),
        listing.value.rateLimit,
        budgetNotes(listing.value),
      );
      remember(sample.sessions ?? []);
      return ok(sample);
    },
  };

  const past: Endpoint = {
    name: 'past',
    intervalMs: PAST_INTERVAL_MS,
    async poll(signal) {
      const resume = cursor && deps.now() - cursor.savedAt < CURSOR_MAX_AGE_MS ? cursor : null;
      const query = resume?.query ?? sessionsQuery('past');
      const listing = await listSessions(query, signal, {
        maxPages: pastPagesPerPoll(plan),
        startToken: resume?.token ?? null,
      });
      if (!listing.ok) return listing;
      const { next, items } = listing.value;
      cursor = next ? { query, token: next, savedAt: deps.now() } : null;
      const notes = [
        ...budgetNotes(listing.value),
        ...(next
          ? [
              `Zoom past sessions: ${items.length} read in this poll; the rest follows at the next polls, to stay within Zoom's per-minute limit.`,
            ]
          : []),
      ];
      const sample = toPastSample(source.id, items, listing.value.rateLimit, notes);
      remember(sample.sessions ?? []);
      return ok(sample);
    },
  };

  return {
    endpoints: [live, past],
    async testConnection(signal) {
      const result = await live.poll(signal);
      if (!result.ok) return result;
      const sessions = result.value.sessions?.length ?? 0;
      const participants = result.value.viewers?.[0]?.viewers ?? 0;
      return ok(`Connected: ${plural(sessions, 'live session')}, ${plural(participants, 'participant')} now`);
    },
    sessionDetail: (sessionId, signal) =>
      fetchSessionDetail(client, source.id, sessionId, held.get(sessionId), pageSize, signal),
  };
}

/** Says so when the account's Zoom budget runs low, since other apps on the account share it. */
function budgetNotes(listing: Listing<unknown>): string[] {
  const limit = listing.rateLimit?.limit;
  const remaining = listing.rateLimit?.remaining;
  if (limit == null || remaining == null || limit === 0 || remaining / limit >= 0.1) return [];
  return [
    `Zoom ${listing.rateLimitName}: ${remaining.toLocaleString('en-US')} of ${limit.toLocaleString('en-US')} calls left.`,
  ];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
