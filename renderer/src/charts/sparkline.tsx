import { memo } from 'react';
import type { ViewerPoint } from '@shared/model/samples';
import { formatCount } from '../components/format';
import { splitAtGaps } from './series';

interface Props {
  readonly points: readonly ViewerPoint[];
  readonly from: number;
  readonly to: number;
  readonly intervalMs: number;
  readonly unit: string;
}

const WIDTH = 160;
const HEIGHT = 36;

/**
 * The last hour at a glance: SVG, so it costs no canvas and scales with the
 * tile; gaps stay gaps. Memoised: with the same points and hour it is not drawn again.
 */
export const Sparkline = memo(function Sparkline({ points, from, to, intervalMs, unit }: Props) {
  if (points.length === 0) return <div className="sparkline sparkline-empty">no data in the last hour</div>;
  const max = Math.max(1, ...points.map((p) => p.viewers));
  const span = Math.max(1, to - from);
  const x = (at: number) => ((at - from) / span) * WIDTH;
  const y = (viewers: number) => HEIGHT - 2 - (viewers / max) * (HEIGHT - 4);
  const runs = splitAtGaps(points, intervalMs);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const label = `Last hour: from ${formatCount(first.viewers)} to ${formatCount(last.viewers)} ${unit}, peak ${formatCount(max)}`;
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {runs.map((run) =>
        run.length === 1 ? (
          <circle key={run[0]!.at} cx={x(run[0]!.at)} cy={y(run[0]!.viewers)} r={1.5} />
        ) : (
          <polyline
            key={run[0]!.at}
            points={run.map((p) => `${x(p.at).toFixed(1)},${y(p.viewers).toFixed(1)}`).join(' ')}
          />
        ),
      )}
    </svg>
  );
});
