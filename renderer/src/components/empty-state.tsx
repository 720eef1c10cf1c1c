interface Props {
  readonly onAddSource: () => void;
}

export function EmptyState({ onAddSource }: Props) {
  return (
    <section className="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">No sources yet — add one, or look at the demo</h2>
      <p>
        A source is one account on a video platform (NAVER VPE, api.video, Conviva or Zoom Video SDK). Add yours in
        Sources &amp; settings, where the built-in demo can also be switched back on.
      </p>
      <button type="button" className="primary" onClick={onAddSource} aria-keyshortcuts="5">
        Open Sources &amp; settings <kbd>5</kbd>
      </button>
    </section>
  );
}
