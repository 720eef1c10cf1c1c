import type { AlertsState } from '../state/alerts-store';

interface Props {
  readonly state: AlertsState;
  readonly onOpen: () => void;
}

/**
 * The firing count, in the header of every view: the one number an operator
 * must never have to go looking for. Grey while unknown, never green then.
 */
export function AlertsBadge({ state, onOpen }: Props) {
  const view = state.view;
  const level = view?.level ?? 'unknown';
  const firing = view?.firing.length ?? 0;
  const text = !view ? 'Alerts …' : firing === 0 ? 'No alerts' : `${firing} firing`;
  const silenced = view && view.silenced > 0 ? ` · ${view.silenced} silenced` : '';
  return (
    <button
      type="button"
      className={`alerts-badge level-${level}`}
      onClick={onOpen}
      aria-keyshortcuts="4"
      title={view ? `${view.summary} (4 opens Alerts)` : 'Waiting for the alert engine (4 opens Alerts)'}
      aria-label={`Alerts: ${text}${silenced}${level === 'critical' ? ', critical' : ''}. Open the Alerts view.`}
    >
      <span className="alerts-dot" aria-hidden="true" />
      {text}
      {silenced ? <span className="muted">{silenced}</span> : null}
    </button>
  );
}
