import { memo } from 'react';
import { Sparkline } from '../../charts/sparkline';
import { useConnected } from '../../state/connected';
import { Age } from '../../components/age';
import { formatCount } from '../../components/format';
import type { AllTile as Tile } from './metrics';
import { SPARKLINE_MS } from './metrics';
import { SessionStats } from './session-stats';

interface Props {
  readonly tile: Tile;
  readonly sourceCount: number;
}

/** Memoised: the overview keeps the all-sources tile while no source's figures changed. */
export const AllTile = memo(function AllTile({ tile, sourceCount }: Props) {
  const connected = useConnected();
  const sparklineTo = tile.sparklineTo;
  const h = tile.health;
  const healthText = [
    `${h.ok} ok`,
    h.stale ? `${h.stale} stale` : '',
    h.error ? `${h.error} failing` : '',
    h.paused ? `${h.paused} paused` : '',
    h.waiting ? `${h.waiting} waiting` : '',
    h.unknown ? `${h.unknown} unknown` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const mixed = tile.totals.length > 1;
  return (
    <article className="tile tile-all" aria-labelledby="tile-all">
      <header className="tile-head">
        <h3 id="tile-all">All sources</h3>
        <span className={`chip-status status-${h.unknown ? 'unknown' : h.error ? 'error' : h.stale ? 'stale' : 'ok'}`}>
          {healthText}
        </span>
      </header>
      <p className="tile-sub">{sourceCount} sources</p>
      <ul className="totals">
        {tile.totals.map((total) => (
          <li
            key={total.unit}
            className="big-number"
            title={`${total.unit} summed over ${total.sourceNames.join(', ')}${total.partial ? '; sources without fresh data are left out' : ''}`}
          >
            {total.counted === 0 ? (
              <>
                <span className="value no-data">{connected ? 'no data' : 'unknown'}</span>
                <span className="unit">{total.unit}</span>
              </>
            ) : (
              <>
                <span className="value">{formatCount(total.total)}</span>
                <span className="unit">{total.unit}</span>
                {total.partial ? <span className="tag tag-stale">partial</span> : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {mixed ? <p className="note">Not added together: each platform counts something different.</p> : null}
      <p className="age">
        <Age since={tile.oldestOkAt} prefix="oldest data " never="no data yet" />
      </p>
      {tile.sparkline ? (
        <Sparkline
          points={tile.sparkline}
          from={sparklineTo - SPARKLINE_MS}
          to={sparklineTo}
          intervalMs={60_000}
          unit={tile.totals[0]?.unit ?? ''}
        />
      ) : null}
      <SessionStats stats={tile.stats} who="every source" />
    </article>
  );
});
