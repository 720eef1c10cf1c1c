// A stand-in for the Electron preload's window.api (shared/ipc/api.ts): the
// snapshot comes from the bench's static server, patches are pushed by the
// bench through window.__bench.push, every other request answers "not here".
(() => {
  const listeners = new Set();
  const loaded = fetch('/bench/snapshot.json').then((response) => response.json());
  // Stored history, when the bench put some on the site: { tierMs, series: [{ sourceId, points }] }, points sorted.
  const history = fetch('/bench/history.json').then((response) => (response.ok ? response.json() : null));
  /** The stored points of [from, to], moved forward by offsetMs; a copy, as the IPC's structured clone hands over. */
  async function storedSeries({ sourceIds, from, to, offsetMs = 0 }) {
    const held = await history;
    if (!held) return null;
    const series = held.series
      .filter((s) => sourceIds.includes(s.sourceId))
      .map((s) => ({
        sourceId: s.sourceId,
        points: s.points
          .filter((p) => p.at >= from - offsetMs && p.at <= to - offsetMs)
          .map((p) => ({ ...p, at: p.at + offsetMs })),
      }));
    return structuredClone({ tierMs: held.tierMs, series });
  }
  const values = {
    'app:info': { version: 'bench', shell: 'headless' },
    'sources:list': { sources: [], providers: [] },
    'polling:refresh': {},
    'polling:pause': {},
  };
  const request = new Proxy(
    {},
    {
      get: (_, channel) => async (args) => {
        if (channel === 'state:snapshot') return { ok: true, value: await loaded };
        if (channel === 'history:series') {
          const value = await storedSeries(args);
          if (value) return { ok: true, value };
        }
        if (channel in values) return { ok: true, value: values[channel] };
        return { ok: false, error: { code: 'bench', message: `${String(channel)} is not available in the bench` } };
      },
    },
  );
  const on = new Proxy(
    {},
    {
      get: (_, channel) => (listener) => {
        if (channel !== 'state:patch') return () => {};
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  );
  Object.defineProperty(window, 'api', { value: Object.freeze({ request, on }), configurable: false });
  const patches = new Map();
  window.__bench = {
    listeners: () => listeners.size,
    snapshotLoaded: () => loaded.then(() => true),
    /** Fetches and parses patches before a measurement, so the measurement holds only their application. */
    async fetchPatches(name) {
      patches.set(name, await (await fetch(`/bench/${name}.json`)).json());
      return patches.get(name).length;
    },
    push(name) {
      const list = patches.get(name);
      patches.delete(name);
      for (const patch of list) for (const listener of listeners) listener(patch);
    },
  };
})();
