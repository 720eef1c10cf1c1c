import { memo } from 'react';
import { formatCount, formatDuration, formatPercent } from '../../components/format';
import type { SessionStats as Stats } from './metrics';
import { Stat } from './stat';

interface Props {
  readonly stats: Stats;
  /** Whose sessions: named in the definitions so "not reported" is said of the right platform. */
  readonly who: string;
}

/** Sessions figures shared by the per-source and the all-sources tiles. Memoised: the stats object is kept while its window is unchanged. */
export const SessionStats = memo(function SessionStats({ stats, who }: Props) {
  return (
    <dl className="stats">
      <Stat
        label="Sessions · 5 min"
        value={formatCount(stats.recent)}
        definition={`Sessions of ${who} that started in the last 5 minutes`}
      />
      <Stat
        label="Failed · 1 h"
        value={stats.failedShare === null ? 'not reported' : formatPercent(stats.failedShare)}
        definition={
          stats.failedShare === null
            ? `${who} does not say whether sessions failed`
            : `Share of the ${formatCount(stats.failedOf)} sessions of the last hour that failed`
        }
      />
      <Stat
        label="Startup · 1 h"
        value={stats.medianStartupMs === null ? 'not reported' : formatDuration(stats.medianStartupMs)}
        definition="Median time from pressing play to the first frame, over the last hour's sessions"
      />
      <Stat
        label="Rebuffering · 1 h"
        value={stats.rebufferingShare === null ? 'not reported' : formatPercent(stats.rebufferingShare, 2)}
        definition="Time spent rebuffering over time spent playing or rebuffering, last hour"
      />
    </dl>
  );
});
