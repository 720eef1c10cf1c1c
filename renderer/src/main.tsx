import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, connection } from './api';
import { App } from './app';
import { createAlertsStore } from './state/alerts-store';
import { tickWithUpdate } from './state/ticker';
import { nextTask, perFrame } from './state/frame';
import { createSettingsStore } from './state/settings-store';
import { SideStoresContext } from './state/side-stores';
import { createStore } from './state/store';
import { StoreContext } from './state/use-store';
import './styles.css';
import './styles-views.css';

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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext value={store}>
      <SideStoresContext value={side}>
        <App />
      </SideStoresContext>
    </StoreContext>
  </StrictMode>,
);
