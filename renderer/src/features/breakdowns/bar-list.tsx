import { memo } from 'react';
import { formatClock, formatCount, formatPercent } from '../../components/format';
import type { BreakdownGroup } from './breakdowns';

/**
 * One breakdown as a horizontal bar list: the value, a bar, the count and the
 * share. Bars are <meter>-like spans with the numbers written out, so nothing
 * depends on reading a bar's length. Memoised: an update recounts one source,
 * and the other sources' groups are the same objects as before (breakdowns.ts),
 * so their lists are not rendered again.
 */
export const BarList = memo(function BarList({ group }: { readonly group: BreakdownGroup }) {
  const max = Math.max(1, ...group.rows.map((r) => r.count));
  const headingId = `bars-${group.key}-${group.title}`.replace(/[^A-Za-z0-9_-]/g, '-');
  return (
    <figure className="bar-list" aria-labelledby={headingId}>
      <figcaption id={headingId}>
        <strong>{group.title}</strong>{' '}
        <span className="muted">
          {formatCount(group.total)} {group.measure}
          {group.origin === 'platform' && group.at !== null ? ` · as of ${formatClock(group.at)}` : ''}
          {group.unknown > 0 ? ` · ${formatCount(group.unknown)} not reported` : ''}
        </span>
      </figcaption>
      <ul>
        {group.rows.map((row) => (
          <li key={row.value}>
            <span className="bar-label" title={row.value}>
              {row.value}
            </span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ transform: `scaleX(${row.count / max})` }} />
            </span>
            <span className="bar-value">
              {formatCount(row.count)} <span className="muted">({formatPercent(row.share, 0)})</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
});
