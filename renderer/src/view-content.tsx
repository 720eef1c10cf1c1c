import { memo } from 'react';
import { EmptyState } from './components/empty-state';
import { LoadingState } from './components/loading-state';
import { AlertsView } from './features/alerts/alerts-view';
import { HealthView } from './features/health/health-view';
import { OverviewView } from './features/overview/overview-view';
import { SessionsView } from './features/sessions/sessions-view';
import { SourcesView } from './features/sources/sources-view';
import type { StoreState } from './state/store';
import type { ViewId } from './views';

const ROW_HEIGHT = 34;
const WALLBOARD_ROW_HEIGHT = 48;

interface Props {
  readonly shown: ViewId;
  readonly state: StoreState;
  readonly now: number;
  readonly wallboard: boolean;
  readonly focusIncident: string | null;
  readonly onAddSource: () => void;
}

/**
 * The view's content. Alerts and Sources work without data (that is where a
 * user goes to fix having none); the data views wait for the first snapshot.
 * Memoised: a render of the shell alone (an alert, a setting) skips it.
 */
export const ViewContent = memo(function ViewContent({
  shown,
  state,
  now,
  wallboard,
  focusIncident,
  onAddSource,
}: Props) {
  const snapshot = state.snapshot;
  if (shown === 'alerts') return <AlertsView snapshot={snapshot} now={now} focusIncident={focusIncident} />;
  if (shown === 'sources') return <SourcesView snapshot={snapshot} now={now} />;
  if (!snapshot) return <LoadingState state={state} />;
  if (snapshot.sources.length === 0) return <EmptyState onAddSource={onAddSource} />;
  switch (shown) {
    case 'overview':
      return <OverviewView snapshot={snapshot} now={now} large={wallboard} />;
    case 'sessions':
      return <SessionsView snapshot={snapshot} rowHeight={wallboard ? WALLBOARD_ROW_HEIGHT : ROW_HEIGHT} />;
    case 'health':
      return <HealthView snapshot={snapshot} now={now} />;
  }
});
