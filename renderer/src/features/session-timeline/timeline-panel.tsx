import { useEffect, useRef, useState } from 'react';
import type { Session } from '@shared/model/samples';
import type { SessionRow, SourceState } from '@shared/model/state';
import { api } from '../../api';
import { EventList } from './event-list';
import { SessionFacts } from './session-facts';
import { TimelineChart } from './timeline-chart';
import { layoutTimeline, sortedEvents } from './timeline-layout';

interface Props {
  readonly row: SessionRow;
  readonly source: SourceState | null;
  readonly onClose: () => void;
}

type Detail =
  | { readonly status: 'loading' }
  | { readonly status: 'ok'; readonly session: Session }
  | { readonly status: 'error'; readonly message: string };

/**
 * A session's detail, fetched on demand: the list holds no events (they would
 * multiply its size). Mounted with a key per session, so each one starts from
 * "loading" without resetting state in an effect.
 */
export function TimelinePanel({ row, source, onClose }: Props) {
  const [detail, setDetail] = useState<Detail>({ status: 'loading' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let current = true;
    void api.request['sessions:detail']({ sourceId: row.sourceId, sessionId: row.id }).then((result) => {
      if (!current) return;
      setDetail(
        result.ok ? { status: 'ok', session: result.value } : { status: 'error', message: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [row.sourceId, row.id]);

  useEffect(() => headingRef.current?.focus(), [row.sourceId, row.id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const session = detail.status === 'ok' ? detail.session : null;
  const layout = session && source ? layoutTimeline(session, source.provider) : null;
  const events = session ? sortedEvents(session) : [];

  return (
    <aside className="panel detail-panel" role="region" aria-labelledby="detail-heading">
      <header className="panel-head">
        <h2 id="detail-heading" ref={headingRef} tabIndex={-1}>
          Session <code>{row.id}</code>
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close session details (Escape)">
          ✕
        </button>
      </header>
      <SessionFacts session={session ?? row} source={source} />
      {detail.status === 'loading' ? (
        <p role="status" className="loading">
          Loading the session's events…
        </p>
      ) : null}
      {detail.status === 'error' ? (
        <p role="alert" className="error-sentence">
          {detail.message}
        </p>
      ) : null}
      {session && layout ? (
        <>
          <h3>Time line</h3>
          <TimelineChart layout={layout} />
        </>
      ) : null}
      {session && !layout ? (
        <p className="note">
          {session.events === null
            ? `${source?.providerLabel ?? 'This platform'} does not publish a per-session event time line; the summary above is all it gives.`
            : 'No events were recorded for this session.'}
        </p>
      ) : null}
      {events.length > 0 ? (
        <>
          <h3>Events ({events.length})</h3>
          <EventList events={events} start={layout?.start ?? events[0]!.at} />
        </>
      ) : null}
    </aside>
  );
}
