import { useMemo, useState } from 'react';
import type { Snapshot } from '@shared/model/state';
import { colorFor } from '../../charts/palette';
import { ViewersPanel } from '../../charts/viewers-panel';
import { BreakdownsPanel } from '../breakdowns/breakdowns-panel';
import { AllTile } from './all-tile';
import { useConnected } from '../../state/connected';
import { usePrepare } from '../../state/use-prepare';
import { RowsMemo } from '../../state/rows-memo';
import { overview, type OverviewMemo } from './metrics';
import { SourceTile } from './source-tile';
import { useStoredSeries } from '../../charts/use-stored-series';
import { versusYesterday } from './versus';

interface Props {
  readonly snapshot: Snapshot;
  readonly now: number;
  readonly large?: boolean;
}

export function OverviewView({ snapshot, now, large = false }: Props) {
  const [memo] = useState((): OverviewMemo => ({
    sources: new RowsMemo(),
    all: new RowsMemo(),
    tiles: new Map(),
    sums: new RowsMemo(),
    allTile: new RowsMemo(),
  }));
  const connected = useConnected();
  const { tiles, all } = useMemo(() => overview(snapshot, now, memo, connected), [snapshot, now, memo, connected]);
  // The sessions' figures counted ahead, in the task before the frame that renders the update (the tiles reuse them).
  usePrepare((next) => overview(next, Date.now(), memo, connected));
  // The same minute yesterday, from stored history: asked once a minute.
  const minute = Math.floor(now / 60_000) * 60_000;
  const ids = useMemo(() => snapshot.sources.map((s) => s.id), [snapshot.sources]);
  const yesterday = useStoredSeries(ids, minute - 15 * 60_000, minute, 86_400_000, true);
  return (
    <div className="overview">
      <section className="tiles" aria-label="Sources at a glance">
        <AllTile tile={all} sourceCount={tiles.length} />
        {tiles.map((tile, index) => (
          <SourceTile
            key={tile.source.id}
            tile={tile}
            color={colorFor(index)}
            versus={versusYesterday(tile.viewersNow, yesterday.points.get(tile.source.id), tile.viewersAt)}
          />
        ))}
      </section>
      <ViewersPanel snapshot={snapshot} now={now} large={large} />
      {/* The wall board keeps to the big numbers and the chart. */}
      {large ? null : <BreakdownsPanel snapshot={snapshot} now={now} />}
    </div>
  );
}
