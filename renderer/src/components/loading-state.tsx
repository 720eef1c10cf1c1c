import type { StoreState } from '../state/store';

export function LoadingState({ state }: { readonly state: StoreState }) {
  if (state.phase === 'failed') {
    return (
      <section className="empty-state" role="alert">
        <h2>Streamwatch is not answering</h2>
        <p>{state.error}</p>
        <p className="muted">Trying again by itself.</p>
      </section>
    );
  }
  return (
    <section className="empty-state" role="status" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <h2>Connecting to Streamwatch…</h2>
    </section>
  );
}
