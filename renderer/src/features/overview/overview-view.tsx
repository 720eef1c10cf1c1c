import { useMemo, useState } from 'react';
import type { Snapshot } from '@shared/model/state';
import { colorFor } from '../../charts/palette';
import { ViewersPanel } from '../../charts/viewers-panel';
import { BreakdownsPanel } from '../breakdowns/breakdowns-panel';
import { AllTile } from './all-tile';
import { RowsMemo } from '../../state/rows-memo';
import { overview, type OverviewMemo } from './metrics';
import { SourceTile } from './source-tile';

interface Props {
  readonly snapshot: Snapshot;
  readonly now: number;
  readonly large?: boolean;
}

export function OverviewView({ snapshot, now, large = false }: Props) {
  const [memo] = useState((): OverviewMemo => ({ sources: new RowsMemo(), all: new RowsMemo() }));
  const { tiles, all } = useMemo(() => overview(snapshot, now, memo), [snapshot, now, memo]);
  return (
    <div className="overview">
      <section className="tiles" aria-label="Sources at a glance">
        <AllTile tile={all} sourceCount={tiles.length} now={now} />
        {tiles.map((tile, index) => (
          <SourceTile key={tile.source.id} tile={tile} now={now} color={colorFor(index)} />
        ))}
      </section>
      <ViewersPanel snapshot={snapshot} now={now} large={large} />
      {/* The wall board keeps to the big numbers and the chart. */}
      {large ? null : <BreakdownsPanel snapshot={snapshot} now={now} />}
    </div>
  );
}
