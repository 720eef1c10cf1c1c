import { memo } from 'react';
import { Sparkline } from '../../charts/sparkline';
import { Age } from '../../components/age';
import { formatClock, formatCount } from '../../components/format';
import type { SourceTile as Tile } from './metrics';
import { SPARKLINE_MS } from './metrics';
import { SessionStats } from './session-stats';

interface Props {
  readonly tile: Tile;
  readonly color: string;
  /** "+12 % vs yesterday", when history holds the same time yesterday. */
  readonly versus?: string | null;
}

/**
 * Memoised: the overview keeps a tile object while what it shows is unchanged,
 * so an update skips the other sources' tiles, and the clock skips them all
 * but for their age text.
 */
export const SourceTile = memo(function SourceTile({ tile, color, versus = null }: Props) {
  const { source, status: state } = tile;
  const stale = tile.viewersStale || state.kind !== 'ok';
  return (
    <article className={`tile${stale ? ' is-stale' : ''} tile-${state.kind}`} aria-labelledby={`tile-${source.id}`}>
      <header className="tile-head">
        <span className="tile-swatch" style={{ background: color }} aria-hidden="true" />
        <h3 id={`tile-${source.id}`}>{source.name}</h3>
        <span className={`chip-status status-${state.kind}`}>{state.kind === 'stale' ? 'STALE' : state.kind}</span>
      </header>
      <p className="tile-sub">{source.providerLabel}</p>
      {state.kind === 'error' ? <p className="error-sentence">{state.message}</p> : null}
      <div className="big-number" title={source.metric.definition}>
        <span className="value">{formatCount(tile.viewersNow)}</span>
        <span className="unit">{source.metric.label}</span>
        {tile.viewersStale && tile.viewersNow !== null ? <span className="tag tag-stale">STALE</span> : null}
      </div>
      {versus ? (
        <p className="versus" data-testid="versus-yesterday">
          {versus}
        </p>
      ) : null}
      <p className="age">
        {tile.viewersAt === null ? 'no viewer data yet' : `as of ${formatClock(tile.viewersAt)}`}
        <Age since={source.lastOkAt} prefix=" · updated " />
      </p>
      <Sparkline
        points={tile.sparkline}
        from={tile.sparklineTo - SPARKLINE_MS}
        to={tile.sparklineTo}
        intervalMs={source.intervalMs}
        unit={source.metric.unit}
      />
      <SessionStats stats={tile.stats} who={source.providerLabel} />
    </article>
  );
});
