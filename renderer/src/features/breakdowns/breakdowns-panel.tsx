import { memo, useMemo, useState } from 'react';
import type { Snapshot } from '@shared/model/state';
import { Segmented } from '../../components/segmented';
import { BarList } from './bar-list';
import { RowsMemo, sameItems } from '../../state/rows-memo';
import { usePrepare } from '../../state/use-prepare';
import { breakdownsBySource, type BreakdownsMemo, type SourceBreakdowns as Entry } from './breakdowns';

interface Props {
  readonly snapshot: Snapshot;
  readonly now: number;
}

const WINDOWS = [
  { id: '1h', label: 'Last hour', ms: 60 * 60_000 },
  { id: '24h', label: 'Last day', ms: 24 * 60 * 60_000 },
  { id: 'all', label: 'All held', ms: null },
] as const;

/**
 * Where the chosen window starts, at a whole minute: recounted per minute, not
 * per second, as the edge moving by a second changes nothing a bar shows.
 */
function windowStart(now: number, ms: number | null): number | null {
  return ms === null ? null : Math.floor(now / 60_000) * 60_000 - ms;
}

/** Sessions by device, OS, country and CDN, per source; and the platform's own live breakdown where it gives one. */
export function BreakdownsPanel({ snapshot, now }: Props) {
  const [windowId, setWindowId] = useState<(typeof WINDOWS)[number]['id']>('1h');
  const chosen = WINDOWS.find((w) => w.id === windowId) ?? WINDOWS[0];
  const [memo] = useState((): BreakdownsMemo => new RowsMemo());
  const since = windowStart(now, chosen.ms);
  const bySource = useMemo(() => breakdownsBySource(snapshot, since, memo), [snapshot, since, memo]);
  // Counted ahead, in the task before the frame that renders the update (the render reuses the memo).
  usePrepare((next) => breakdownsBySource(next, windowStart(Date.now(), chosen.ms), memo));
  return (
    <section className="panel breakdowns-panel" aria-labelledby="breakdowns-heading">
      <header className="panel-head">
        <h2 id="breakdowns-heading">Breakdowns</h2>
        <Segmented label="Sessions counted" options={WINDOWS} value={windowId} onChange={setWindowId} />
      </header>
      <div className="breakdown-sources">
        {bySource.map((entry) => (
          <SourceBreakdowns key={entry.source.id} entry={entry} />
        ))}
      </div>
    </section>
  );
}

/**
 * One source's breakdowns. Memoised on what it shows: an update recounts one
 * source, and the others keep their groups (breakdowns.ts), so they are skipped.
 */
const SourceBreakdowns = memo(
  function SourceBreakdowns({ entry: { source, sessionCount, groups } }: { readonly entry: Entry }) {
    return (
      <article className="breakdown-source" aria-labelledby={`breakdown-${source.id}`}>
        <h3 id={`breakdown-${source.id}`}>
          {source.name} <span className="muted">· {source.providerLabel}</span>
        </h3>
        {groups.length === 0 ? (
          <p className="note">
            {sessionCount === 0
              ? 'No sessions in this window.'
              : `${source.providerLabel} does not report device, OS, country or CDN for its sessions.`}
          </p>
        ) : (
          groups.map((group) => <BarList key={group.key} group={group} />)
        )}
      </article>
    );
  },
  (a, b) =>
    a.entry.source === b.entry.source &&
    a.entry.sessionCount === b.entry.sessionCount &&
    sameItems(a.entry.groups, b.entry.groups),
);
