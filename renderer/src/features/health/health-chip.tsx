import type { SourceState } from '@shared/model/state';
import { formatAge, formatDateTime } from '../../components/format';
import { freshness, type Freshness } from './freshness';

interface Props {
  readonly source: SourceState;
  readonly now: number;
}

const STATUS_TEXT: Record<Freshness['kind'], string> = {
  ok: 'ok',
  stale: 'STALE',
  error: 'error',
  paused: 'paused',
  waiting: 'waiting',
};

function ageText(ageMs: number | null): string {
  return ageMs === null ? 'no data yet' : `updated ${formatAge(ageMs)}`;
}

/** One source in the health strip: name, platform, "ok" or the error's sentence, and the age of its data. */
export function HealthChip({ source, now }: Props) {
  const state = freshness(source, now);
  const asOf = source.lastOkAt === null ? 'never answered' : `last answer ${formatDateTime(source.lastOkAt)}`;
  return (
    <li
      className={`chip chip-${state.kind}`}
      title={`${source.providerLabel} · polled every ${Math.round(source.intervalMs / 1000)} s · ${asOf}`}
    >
      <div className="chip-line">
        <span className="chip-dot" aria-hidden="true" />
        <span className="chip-name">{source.name}</span>
        <span className="chip-platform">{source.providerLabel}</span>
        <span className={`chip-status status-${state.kind}`}>{STATUS_TEXT[state.kind]}</span>
        {state.kind === 'error' ? <span className="chip-message">{state.message}</span> : null}
        {state.kind === 'paused' ? <span className="chip-message">{state.reason}</span> : null}
        <span className="chip-age">{ageText(state.ageMs)}</span>
      </div>
      {source.notes.map((note) => (
        <div key={note} className="chip-note">
          {note}
        </div>
      ))}
    </li>
  );
}
