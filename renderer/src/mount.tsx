import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { SideStoresContext, type SideStores } from './state/side-stores';
import type { Store } from './state/store';
import { StoreContext } from './state/use-store';

/** React and every view: the page's second script, loaded by main.tsx once the stores are started. */
export function mount(root: HTMLElement, store: Store, side: SideStores): void {
  createRoot(root).render(
    <StrictMode>
      <StoreContext value={store}>
        <SideStoresContext value={side}>
          <App />
        </SideStoresContext>
      </StoreContext>
    </StrictMode>,
  );
}
