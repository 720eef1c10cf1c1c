import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PushPayload } from '@shared/ipc/contract';
import { api } from './api';
import { AlertsBadge } from './components/alerts-badge';
import { AppHeader } from './components/app-header';
import { Banners } from './components/banners';
import { formatClock } from './components/format';
import { NavTabs } from './components/nav-tabs';
import { WallboardAlerts } from './features/alerts/wallboard-alerts';
import { HealthStrip } from './features/health/health-strip';
import { SEARCH_INPUT_ID } from './features/sessions/session-filters';
import { useNow } from './state/clock';
import { ConnectedContext } from './state/connected';
import { useAlerts, useSettings } from './state/side-stores';
import { useStoreState } from './state/use-store';
import { applyTheme } from './theme';
import { useShortcuts } from './use-shortcuts';
import { ViewContent } from './view-content';
import { viewFromHash, type ViewId } from './views';

export function App() {
  /*
   * Each update renders in one pass, in the frame after it was applied. It was
   * rendered as a transition for a while: React's slices shortened the worst
   * frame a little but added a second render pass and a second layout and
   * paint per update, 3-5 ms more main-thread time in all (bench figure 3).
   */
  const state = useStoreState();
  const alerts = useAlerts();
  const theme = useSettings().settings?.theme;
  const now = useNow();
  const [view, setView] = useState<ViewId>(() => viewFromHash(location.hash));
  const [focusIncident, setFocusIncident] = useState<string | null>(null);
  const [wallboard, setWallboard] = useState(() => new URLSearchParams(location.search).get('wallboard') === '1');
  const [refreshStatus, setRefreshStatus] = useState('');
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const snapshot = state.snapshot;

  useEffect(() => {
    history.replaceState(null, '', `${location.pathname}${location.search}#${view}`);
  }, [view]);

  // Before paint, so a dark-theme user never sees a light flash when settings arrive.
  useLayoutEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);

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
  const leaveWallboard = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    setWallboard(false);
  };
  const toggleWallboard = () => {
    // Full screen needs a user gesture, so it is only asked for when entering by key or button.
    if (wallboard) leaveWallboard();
    else {
      void document.documentElement.requestFullscreen?.().catch(() => {});
      setWallboard(true);
    }
  };
  const focusSearch = () => {
    setView('sessions');
    requestAnimationFrame(() => document.getElementById(SEARCH_INPUT_ID)?.focus());
  };
  // Stable, as are the tabs' badges below while the firing count holds: the memoised tabs skip a data update.
  const selectView = useCallback((next: ViewId) => {
    setFocusIncident(null);
    setView(next);
  }, []);
  // Stable, so the memoised view is not rendered again when only the header's state changes.
  const addSource = useCallback(() => {
    setFocusIncident(null);
    setView('sources');
  }, []);

  // The shell (menu, tray, a notification's click) asks for a view, maybe an incident in it.
  const navigate = useRef((request: PushPayload<'app:navigate'>) => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    setWallboard(false);
    setView(request.view);
    setFocusIncident(request.incidentId ?? null);
    if (request.focusSearch) requestAnimationFrame(() => document.getElementById(SEARCH_INPUT_ID)?.focus());
  });
  useEffect(() => api.on['app:navigate']((request) => navigate.current(request)), []);

  useShortcuts({
    refresh: () => void refresh(),
    focusSearch,
    selectView,
    toggleWallboard,
    escape: () => {
      if (!wallboard) return false;
      leaveWallboard();
      return true;
    },
  });

  const shown: ViewId = wallboard ? 'overview' : view;
  const firing = alerts.view?.firing.length ?? 0;
  const level = alerts.view?.level;
  const badges = useMemo(
    () => ({ alerts: firing > 0 ? <span className={`tab-count level-${level}`}>{firing}</span> : null }),
    [firing, level],
  );
  return (
    <ConnectedContext.Provider value={state.connection === 'open'}>
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
              alerts={
                <AlertsBadge
                  state={alerts}
                  connected={state.connection === 'open'}
                  now={now}
                  onOpen={() => selectView('alerts')}
                />
              }
            />
            <NavTabs current={view} onSelect={selectView} badges={badges} />
          </>
        )}
        {wallboard ? <WallboardAlerts view={alerts.view ?? null} now={now} /> : null}
        <Banners state={state} />
        {/* On the wall board the tiles carry each source's health and age; the strip would only repeat them. */}
        {snapshot && !wallboard ? <HealthStrip snapshot={snapshot} now={now} /> : null}
        <main
          id="view"
          role="tabpanel"
          aria-labelledby={wallboard ? undefined : `tab-${shown}`}
          aria-label={wallboard ? 'Wall board' : undefined}
        >
          <ViewContent
            shown={shown}
            state={state}
            now={now}
            wallboard={wallboard}
            focusIncident={focusIncident}
            onAddSource={addSource}
          />
        </main>
      </div>
    </ConnectedContext.Provider>
  );
}
