import type { StoreState } from '../state/store';

/** Conditions that concern every source at once: one notice each, not one per source. */
export function Banners({ state }: { readonly state: StoreState }) {
  const snapshot = state.snapshot;
  return (
    <div className="banners">
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
