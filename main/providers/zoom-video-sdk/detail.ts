import type { SourceError } from '@shared/model/errors';
import type { Session } from '@shared/model/samples';
import { err, ok, type Result } from '@shared/result';
import type { ZoomClient } from './client';
import { QosUserListSchema, UserListSchema, type RawQosUser, type RawUser } from './schema';
import { sessionUsersPath } from './session-path';
import { qosSummary, sessionFromUsers, toEvents } from './to-model';

type SessionType = 'live' | 'past';

/**
 * Users (join/leave events) and their QoS for one session. A held session says
 * whether it is live; an unknown one is tried as past, then live. QoS that
 * cannot be fetched does not cost the user the events: it is noted instead.
 */
export async function fetchSessionDetail(
  client: ZoomClient,
  sourceId: string,
  sessionId: string,
  known: Session | undefined,
  pageSize: number,
  signal: AbortSignal,
): Promise<Result<Session, SourceError>> {
  const order: SessionType[] = known?.endedAt === null ? ['live', 'past'] : ['past', 'live'];
  let lastError: SourceError | null = null;
  for (const type of order) {
    const users = await client.listAll(
      sessionUsersPath(sessionId),
      { type, page_size: pageSize },
      UserListSchema,
      pickUsers,
      signal,
    );
    if (!users.ok) {
      // Zoom answers 404 for a session asked as the wrong type (live vs past): try the other.
      if (users.error.status === 404) {
        lastError = users.error;
        continue;
      }
      return users;
    }
    const qos = await client.listAll(
      sessionUsersPath(sessionId, true),
      { type, page_size: pageSize },
      QosUserListSchema,
      pickUsers,
      signal,
    );
    const qosUsers: readonly RawQosUser[] = qos.ok ? qos.value.items : [];
    const base = known ?? sessionFromUsers(sourceId, sessionId, users.value.items, type === 'live');
    return ok({
      ...base,
      attributes: {
        ...base.attributes,
        ...(qos.ok ? qosSummary(qosUsers) : { qos_error: qos.error.message }),
      },
      events: toEvents(users.value.items, qosUsers),
    });
  }
  return err(lastError ?? { kind: 'provider', message: `Zoom has no session ${sessionId}.` });
}

function pickUsers<U extends RawUser>(page: { users: U[]; next_page_token?: string | null }) {
  return { items: page.users, next: page.next_page_token };
}
