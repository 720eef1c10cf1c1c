// Watches the headless bridge's WebSocket from inside the page (plain JS,
// loaded before the app): for every message that brings viewer points it
// records when it arrived, and when the chart had drawn those points and
// that frame was rendered. The chart says what it drew in its canvas's
// data-newest attribute (each line's newest point), set in the animation
// frame that draws; a message posted when the attribute changes arrives once
// that frame is rendered. Nothing here assumes how many frames or tasks the
// app takes in between.
(() => {
  const Native = window.WebSocket;
  const wall = () => performance.timeOrigin + performance.now();
  const tap = { points: [], first: null };
  window.__tap = tap;
  /** Points received and not yet seen drawn: { sourceId, newestAt, receivedAt }. */
  let waiting = [];

  function pointsIn(message) {
    const found = [];
    const newest = (points) => points.reduce((max, point) => Math.max(max, point.at), -Infinity);
    if (message?.type === 'push' && message.channel === 'state:patch') {
      for (const op of message.payload?.ops ?? []) {
        if (op.op === 'points' && op.points.length > 0)
          found.push({ sourceId: op.sourceId, newestAt: newest(op.points) });
      }
    } else if (message?.type === 'response' && message.result?.ok && Array.isArray(message.result.value?.series)) {
      for (const series of message.result.value.series) {
        if (series.points.length > 0) found.push({ sourceId: series.sourceId, newestAt: newest(series.points) });
      }
    }
    return found;
  }

  function onDrawn(canvas) {
    let drawn;
    try {
      drawn = JSON.parse(canvas.dataset.newest ?? '{}');
    } catch {
      return;
    }
    const done = waiting.filter((entry) => (drawn[entry.sourceId] ?? -Infinity) >= entry.newestAt);
    if (done.length === 0) return;
    waiting = waiting.filter((entry) => !done.includes(entry));
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const paintedAt = wall();
      for (const entry of done) tap.points.push({ ...entry, paintedAt });
      tap.first ??= { ...done[0], paintedAt };
    };
    channel.port2.postMessage(0);
  }

  new MutationObserver((records) => {
    for (const record of records) if (record.target instanceof HTMLCanvasElement) onDrawn(record.target);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-newest'] });

  class TappedWebSocket extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || !event.data.includes('"points"')) return;
        const receivedAt = wall();
        let found;
        try {
          found = pointsIn(JSON.parse(event.data));
        } catch {
          return;
        }
        for (const entry of found) waiting.push({ ...entry, receivedAt });
      });
    }
  }
  window.WebSocket = TappedWebSocket;
})();
