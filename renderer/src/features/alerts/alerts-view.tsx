import type { Snapshot } from '@shared/model/state';
import { useAlerts } from '../../state/side-stores';
import { FiringPanel } from './firing-panel';
import { HistoryPanel } from './history-panel';
import { RulesPanel } from './rules-panel';

interface Props {
  readonly snapshot: Snapshot | null;
  readonly now: number;
  readonly focusIncident: string | null;
}

export function AlertsView({ snapshot, now, focusIncident }: Props) {
  const alerts = useAlerts();
  return (
    <div className="alerts-view">
      <FiringPanel state={alerts} now={now} focusId={focusIncident} />
      <HistoryPanel version={alerts.version} now={now} />
      <RulesPanel sources={snapshot?.sources ?? []} />
    </div>
  );
}
