export function EmptyState() {
  return (
    <section className="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">No sources yet — add one, or look at the demo</h2>
      <p>
        A source is one account on a video platform (NAVER VPE, api.video, Conviva or Zoom Video SDK). Adding sources
        comes with the Sources view; until then, start Streamwatch without a configuration to watch the built-in demo,
        or run <code>npm run headless -- --demo --serve 8080</code>.
      </p>
    </section>
  );
}
