import { api, connection } from './api';
import './charts/chart-worker';
import { createAlertsStore } from './state/alerts-store';
import { tickWithUpdate } from './state/ticker';
import { nextTask, perFrame } from './state/frame';
import { createSettingsStore } from './state/settings-store';
import { createStore } from './state/store';
import './styles.css';
import './styles-views.css';

/*
 * The page's first script is small on purpose: it connects, asks for the first
 * snapshot and starts the chart's worker, then loads React and the views
 * (mount.tsx, nearly all of the code). Downloading and compiling those then
 * overlaps with the snapshot's round trip instead of coming before it.
 */
const store = createStore({
  api,
  connection,
  schedule: perFrame,
  scheduleTask: nextTask,
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  now: () => performance.now(),
});
store.subscribe(tickWithUpdate);
store.start();
const side = { alerts: createAlertsStore({ api, connection }), settings: createSettingsStore({ api, connection }) };
side.alerts.start();
side.settings.start();

const root = document.getElementById('root')!;
import('./mount')
  .then(({ mount }) => mount(root, store, side))
  .catch((cause: unknown) => {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const message = document.createElement('p');
    message.className = 'load-failed';
    message.setAttribute('role', 'alert');
    message.textContent = `Streamwatch could not load its screens (${reason}). Reload the window; if this persists, reinstall the app.`;
    root.replaceChildren(message);
  });
