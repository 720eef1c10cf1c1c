import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, connection } from './api';
import { App } from './app';
import { perFrame } from './state/frame';
import { createStore } from './state/store';
import { StoreContext } from './state/use-store';
import './styles.css';

const store = createStore({
  api,
  connection,
  schedule: perFrame,
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
});
store.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext value={store}>
      <App />
    </StoreContext>
  </StrictMode>,
);
