import { useEffect, useRef, useState } from 'react';
import { api } from './api';
import { AppHeader } from './components/app-header';
import { Banners } from './components/banners';
import { EmptyState } from './components/empty-state';
import { formatClock } from './components/format';
import { LoadingState } from './components/loading-state';
import { NavTabs } from './components/nav-tabs';
import { HealthStrip } from './features/health/health-strip';
import { HealthView } from './features/health/health-view';
import { OverviewView } from './features/overview/overview-view';
import { SEARCH_INPUT_ID } from './features/sessions/session-filters';
import { SessionsView } from './features/sessions/sessions-view';
import { useNow } from './state/clock';
import { useStoreState } from './state/use-store';
import { useShortcuts } from './use-shortcuts';
import { viewFromHash, type ViewId } from './views';

const ROW_HEIGHT = 34;
const WALLBOARD_ROW_HEIGHT = 48;

export function App() {
  const state = useStoreState();
  const now = useNow();
  const [view, setView] = useState<ViewId>(() => viewFromHash(location.hash));
  const [wallboard, setWallboard] = useState(() => new URLSearchParams(location.search).get('wallboard') === '1');
  const [refreshStatus, setRefreshStatus] = useState('');
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const snapshot = state.snapshot;

  useEffect(() => {
    history.replaceState(null, '', `${location.pathname}${location.search}#${view}`);
  }, [view]);

  const say = (text: string) => {
    setRefreshStatus(text);
    clearTimeout(statusTimer.current);
    statusTimer.current = setTimeout(() => setRefreshStatus(''), 5_000);
  };
  const refresh = async () => {
    say('Refreshing…');
    const result = await api.request['polling:refresh']({});
    say(result.ok ? 'Asked every source for fresh data.' : result.error.message);
  };
  const toggleWallboard = () => {
    setWallboard((on) => {
      // Full screen needs a user gesture, so it is only asked for when entering by key or button.
      if (!on) void document.documentElement.requestFullscreen?.().catch(() => {});
      else if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      return !on;
    });
  };

  useShortcuts({
    refresh: () => void refresh(),
    focusSearch: () => {
      setView('sessions');
      requestAnimationFrame(() => document.getElementById(SEARCH_INPUT_ID)?.focus());
    },
    selectView: setView,
    toggleWallboard,
    escape: () => {
      if (!wallboard) return false;
      toggleWallboard();
      return true;
    },
  });

  const shown: ViewId = wallboard ? 'overview' : view;
  let content;
  if (!snapshot) content = <LoadingState state={state} />;
  else if (snapshot.sources.length === 0) content = <EmptyState />;
  else if (shown === 'overview') content = <OverviewView snapshot={snapshot} now={now} large={wallboard} />;
  else if (shown === 'sessions')
    content = <SessionsView snapshot={snapshot} rowHeight={wallboard ? WALLBOARD_ROW_HEIGHT : ROW_HEIGHT} />;
  else content = <HealthView snapshot={snapshot} now={now} />;

  return (
    <div className={`app${wallboard ? ' wallboard' : ''}`}>
      {wallboard ? (
        <div className="wallboard-corner">
          {snapshot?.demo ? <span className="demo-badge">DEMO</span> : null}
          <span>Streamwatch · {formatClock(now)}</span>
        </div>
      ) : (
        <>
          <AppHeader
            snapshot={snapshot}
            connection={state.connection}
            refreshStatus={refreshStatus}
            onRefresh={() => void refresh()}
            onWallboard={toggleWallboard}
          />
          <NavTabs current={view} onSelect={setView} />
        </>
      )}
      <Banners state={state} />
      {/* On the wall board the tiles carry each source's health and age; the strip would only repeat them. */}
      {snapshot && !wallboard ? <HealthStrip snapshot={snapshot} now={now} /> : null}
      <main
        id="view"
        role="tabpanel"
        aria-labelledby={wallboard ? undefined : `tab-${shown}`}
        aria-label={wallboard ? 'Wall board' : undefined}
      >
        {content}
      </main>
    </div>
  );
}
