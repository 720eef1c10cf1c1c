import type { Session } from '@shared/model/samples';
import type { SessionRow, SourceState } from '@shared/model/state';
import { DASH, formatCount, formatDateTime, formatDuration, formatPercent } from '../../components/format';

interface Props {
  readonly session: Session | SessionRow;
  readonly source: SourceState | null;
}

/** The session's metrics beside its time line; unknown values say so rather than pretend to be zero. */
export function SessionFacts({ session, source }: Props) {
  const duration = session.startedAt !== null && session.endedAt !== null ? session.endedAt - session.startedAt : null;
  const watched = (session.playingMs ?? 0) + (session.rebufferingMs ?? 0);
  const rebufferShare =
    session.rebufferingMs !== null && session.playingMs !== null && watched > 0
      ? session.rebufferingMs / watched
      : null;
  const facts: Array<[string, string]> = [
    ['Source', source ? `${source.name} (${source.providerLabel})` : session.sourceId],
    ['Started', formatDateTime(session.startedAt)],
    ['Ended', session.endedAt === null ? 'still open or not reported' : formatDateTime(session.endedAt)],
    ['Length', formatDuration(duration)],
    ['Startup time', formatDuration(session.startupTimeMs)],
    ['Playing time', formatDuration(session.playingMs)],
    [
      'Rebuffering',
      session.rebufferingMs === null
        ? DASH
        : `${formatDuration(session.rebufferingMs)} (${formatPercent(rebufferShare)})`,
    ],
    ['Device', session.device ?? DASH],
    ['OS', session.os ?? DASH],
    ['Video type', session.videoType ?? DASH],
    ['Country', session.country ?? DASH],
    ['Title', session.title ?? DASH],
    ['Viewer id', session.viewerId ?? DASH],
  ];
  if (session.participants !== null) facts.push(['Participants', formatCount(session.participants)]);
  for (const [key, value] of Object.entries(session.attributes))
    facts.push([key, value === null ? DASH : String(value)]);

  return (
    <div className="facts">
      <p className="facts-status">
        {session.failed === null ? (
          <span className="muted">
            {source?.providerLabel ?? 'This platform'} does not report whether sessions fail.
          </span>
        ) : session.failed ? (
          <>
            <span className="badge-failed">FAILED</span>{' '}
            {session.failures.length > 0 ? session.failures.map((f) => f.label).join(' · ') : 'no reason given'}
          </>
        ) : (
          <span className="status-fine">Played without a reported failure</span>
        )}
      </p>
      <dl className="facts-grid">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
