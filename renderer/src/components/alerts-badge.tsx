import type { AlertsState } from '../state/alerts-store';
import { formatDuration } from './format';

interface Props {
  readonly state: AlertsState;
  /** False while the page cannot reach the engine: then nothing is known about alerts either. */
  readonly connected: boolean;
  readonly now: number;
  readonly onOpen: () => void;
}

/**
 * The firing count, in the header of every view: the one number an operator
 * must never have to go looking for. Grey while unknown, never green then; a
 * condition on its way to firing (a source in error during its rule's hold) is
 * shown as pending rather than hidden behind "No alerts".
 */
export function AlertsBadge({ state, connected, now, onOpen }: Props) {
  const view = connected ? state.view : null;
  const firing = view?.firing.length ?? 0;
  const pending = view?.pending ?? [];
  const level = !view ? 'unknown' : firing === 0 && pending.length > 0 ? 'pending' : view.level;
  const text = !connected
    ? 'Alerts unknown'
    : !view
      ? 'Alerts …'
      : firing > 0
        ? `${firing} firing`
        : pending.length > 0
          ? `${pending.length} pending`
          : 'No alerts';
  const silenced = view && view.silenced > 0 ? ` · ${view.silenced} silenced` : '';
  const pendingText = pending
    .map((p) => `${p.sourceName}: ${p.message} (fires in ${formatDuration(Math.max(0, p.firesAt - now))} if it holds)`)
    .join('; ');
  const title = !connected
    ? 'Disconnected from the engine: alerts cannot be judged until it reconnects (4 opens Alerts)'
    : !view
      ? 'Waiting for the alert engine (4 opens Alerts)'
      : `${firing === 0 && pendingText ? `Pending: ${pendingText}` : view.summary} (4 opens Alerts)`;
  return (
    <button
      type="button"
      className={`alerts-badge level-${level}`}
      onClick={onOpen}
      aria-keyshortcuts="4"
      title={title}
      aria-label={`Alerts: ${text}${silenced}${level === 'critical' ? ', critical' : ''}${firing === 0 && pendingText ? `. Pending: ${pendingText}` : ''}. Open the Alerts view.`}
    >
      <span className="alerts-dot" aria-hidden="true" />
      {text}
      {silenced ? <span className="muted">{silenced}</span> : null}
    </button>
  );
}
