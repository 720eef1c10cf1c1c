import { sourceError, type SourceError } from '@shared/model/errors';
import type { Session } from '@shared/model/samples';
import { err, ok, type Result } from '@shared/result';
import type { ApiVideoClient } from './client';
import { LABEL } from './errors';
import { pageQuery, readPages } from './paging';
import { EventsPageSchema } from './schema';
import { toSessionWithEvents } from './to-model';

/** 2,000 events: far more than any real session; only a lying pagination gets here. */
export const EVENT_PAGES = 20;

/** A session's events, every page (seed 001: 30 events over 2 pages of 25). */
export async function readSessionDetail(
  sourceId: string,
  client: ApiVideoClient,
  sessionId: string,
  signal: AbortSignal,
): Promise<Result<Session, SourceError>> {
  const path = `/analytics/sessions/${encodeURIComponent(sessionId)}/events`;
  const read = await readPages(
    `events of session ${sessionId}`,
    (page) => client.get(path, pageQuery(page), EventsPageSchema, signal),
    EVENT_PAGES,
  );
  if (!read.ok) {
    if (read.error.status !== 404) return read;
    return err(
      sourceError(
        'http',
        `${LABEL} has no events for session ${sessionId} (404): session data is not available for this account, or the session is unknown.`,
        { status: 404 },
      ),
    );
  }
  return ok(toSessionWithEvents(sourceId, sessionId, read.value.items, read.value.note));
}
