import { useEffect, useState } from 'react';
import { api } from '../api';
import type { StoreState } from '../state/store';

/** Said once per start: the history file was damaged and moved aside. */
function useHistoryNotice(): [string | null, () => void] {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void api.request['history:status']({}).then((result) => {
      if (result.ok) setNotice(result.value.notice);
    });
  }, []);
  return [notice, () => setNotice(null)];
}

/** Conditions that concern every source at once: one notice each, not one per source. */
export function Banners({ state }: { readonly state: StoreState }) {
  const snapshot = state.snapshot;
  const [historyNotice, dismissHistoryNotice] = useHistoryNotice();
  return (
    <div className="banners">
      {snapshot?.historyProblem ? (
        <p className="banner banner-warn" role="alert">
          Streamwatch {snapshot.historyProblem} Monitoring goes on; what it sees now is kept until it quits.
        </p>
      ) : null}
      {historyNotice ? (
        <p className="banner banner-warn" role="status">
          {historyNotice}{' '}
          <button type="button" onClick={dismissHistoryNotice}>
            Dismiss
          </button>
        </p>
      ) : null}
      {state.connection === 'closed' ? (
        <p className="banner banner-error" role="alert">
          Lost the connection to Streamwatch — reconnecting. The numbers below are the last ones received.
        </p>
      ) : null}
      {snapshot?.offline ? (
        <p className="banner banner-error" role="alert">
          Offline: no platform can be reached. The last data stays on screen, marked with its age; polling resumes when
          the network returns.
        </p>
      ) : null}
      {snapshot?.paused ? (
        <p className="banner banner-warn" role="status">
          Polling is paused. The numbers below are not being updated.
        </p>
      ) : null}
      {state.resyncing ? (
        <p className="banner banner-quiet" role="status">
          Catching up with missed updates…
        </p>
      ) : null}
    </div>
  );
}
