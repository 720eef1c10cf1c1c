// Watches the headless bridge's WebSocket from inside the page (plain JS,
// loaded before the app): for every message that brings viewer points it
// records when it arrived and when the frame that renders it was done.
// Our listener is added in the constructor, so it runs before the app's: the
// animation frame we ask for is the same one the store flushes in (its
// per-frame batching asks after us), and the message posted from it is
// handled once that frame, chart drawing included, is rendered.
(() => {
  const Native = window.WebSocket;
  const wall = () => performance.timeOrigin + performance.now();
  const tap = { points: [], first: null };
  window.__tap = tap;

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
        if (found.length === 0) return;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const paintedAt = wall();
            for (const entry of found) tap.points.push({ ...entry, receivedAt, paintedAt });
            tap.first ??= { ...found[0], receivedAt, paintedAt };
          };
          channel.port2.postMessage(0);
        });
      });
    }
  }
  window.WebSocket = TappedWebSocket;
})();
