import type { Snapshot } from '@shared/model/state';
import { useConnected } from '../../state/connected';
import { status } from './freshness';
import { HealthChip } from './health-chip';

interface Props {
  readonly snapshot: Snapshot;
  readonly now: number;
}

/** Always on screen: one chip per source, so a failing platform is never out of sight. */
export function HealthStrip({ snapshot, now }: Props) {
  const connected = useConnected();
  if (snapshot.sources.length === 0) return null;
  return (
    <section className="health-strip" aria-label="Source health">
      <ul>
        {snapshot.sources.map((source) => (
          <HealthChip key={source.id} source={source} status={status(source, now, connected)} />
        ))}
      </ul>
    </section>
  );
}
