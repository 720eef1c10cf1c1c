import type { ReactNode } from 'react';
import type { Snapshot } from '@shared/model/state';
import type { ConnectionState } from '../connection';
import { formatClock } from './format';

interface Props {
  readonly snapshot: Snapshot | null;
  readonly connection: ConnectionState;
  readonly refreshStatus: string;
  readonly onRefresh: () => void;
  readonly onWallboard: () => void;
  /** The firing count, always in sight. */
  readonly alerts: ReactNode;
}

export function AppHeader({ snapshot, connection, refreshStatus, onRefresh, onWallboard, alerts }: Props) {
  return (
    <header className="app-header">
      <h1>Streamwatch</h1>
      {snapshot?.demo ? (
        <span
          className="demo-badge"
          title="These numbers come from Streamwatch's built-in simulators, not from a real account"
        >
          DEMO
        </span>
      ) : null}
      <span className="header-facts">
        {snapshot ? `as of ${formatClock(snapshot.generatedAt)}` : ''}
        {connection !== 'open' ? (
          <span className="conn-lost"> · {connection === 'connecting' ? 'connecting…' : 'disconnected'}</span>
        ) : null}
      </span>
      <span className="spacer" />
      {alerts}
      <span role="status" className="muted refresh-status">
        {refreshStatus}
      </span>
      <button type="button" onClick={onRefresh} aria-keyshortcuts="r" title="Poll every source now (r)">
        Refresh <kbd>r</kbd>
      </button>
      <button
        type="button"
        onClick={onWallboard}
        aria-keyshortcuts="w"
        title="Wall-board mode: full screen, large type (w; Escape leaves)"
      >
        Wall board <kbd>w</kbd>
      </button>
    </header>
  );
}
