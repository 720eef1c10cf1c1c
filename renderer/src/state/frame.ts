/**
 * Runs `flush` on the next animation frame, so a burst of patches costs one
 * render. Hidden windows (minimised to the tray) get no frames at all, so a
 * timer backs the frame up: patches must not pile up for hours unapplied.
 */
export function perFrame(flush: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    flush();
  };
  requestAnimationFrame(run);
  setTimeout(run, 1_000);
}
