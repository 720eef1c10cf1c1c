import { useEffect, useState } from 'react';
import { api } from '../api';
import type { StoreState } from '../state/store';
import { unreachableSentence } from '@shared/model/collector-sentence';
import type { CollectorStatus } from '@shared/model/collector-status';
import { formatClock } from './format';

/**
 * The team collector's link, when this page's shell follows one. While it is
 * down, the page ticks once a second so "next try in N s" counts down.
 */
function useCollectorSentence(): string | null {
  const [status, setStatus] = useState<CollectorStatus | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Pushed on change; asked once at load, for a page opened while the collector is already away.
    void api.request['collector:get']({}).then((result) => {
      if (result.ok) setStatus((known) => known ?? result.value.status);
    });
    return api.on['collector:status']((next) => {
      setStatus(next);
      setNow(Date.now());
    });
  }, []);
  const down = status !== null && status.state !== 'open';
  useEffect(() => {
    if (!down) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [down, status]);
  return status ? unreachableSentence(status, now, formatClock, status.pollingLocally === true) : null;
}

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
  const collectorSentence = useCollectorSentence();
  return (
    <div className="banners">
      {collectorSentence ? (
        <p className="banner banner-error" role="alert" data-testid="collector-unreachable">
          {collectorSentence} The numbers below are the last ones the collector sent.
        </p>
      ) : null}
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
