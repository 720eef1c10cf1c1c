import { memo } from 'react';
import type { SourceState } from '@shared/model/state';
import { Age } from '../../components/age';
import { formatDateTime } from '../../components/format';
import { FRESHNESS_TEXT, sameStatus, type Status } from './freshness';

interface Props {
  readonly source: SourceState;
  readonly status: Status;
}

/**
 * One source in the health strip: name, platform, "ok" or the error's sentence, and the age of its data.
 * Memoised on what it shows: the clock and other sources' updates re-render only its age text.
 */
export const HealthChip = memo(function HealthChip({ source, status: state }: Props) {
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
        <span className={`chip-status status-${state.kind}`}>{FRESHNESS_TEXT[state.kind]}</span>
        {state.kind === 'error' ? <span className="chip-message">{state.message}</span> : null}
        {state.kind === 'paused' ? <span className="chip-message">{state.reason}</span> : null}
        <span className="chip-age">
          <Age since={source.lastOkAt} prefix="updated " never="no data yet" />
        </span>
      </div>
      {source.notes.map((note) => (
        <div key={note} className="chip-note">
          {note}
        </div>
      ))}
    </li>
  );
}, sameChip);

function sameChip(a: Props, b: Props): boolean {
  return a.source === b.source && sameStatus(a.status, b.status);
}
