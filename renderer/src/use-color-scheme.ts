import { useSyncExternalStore } from 'react';
import { subscribeTheme, themeChoice } from './theme';

/**
 * Light or dark as shown: the user's choice, or the OS's preference when the
 * choice is "system". The stylesheet follows both by itself; canvases need telling.
 */
const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function subscribe(listener: () => void): () => void {
  query?.addEventListener('change', listener);
  const off = subscribeTheme(listener);
  return () => {
    query?.removeEventListener('change', listener);
    off();
  };
}

function current(): 'light' | 'dark' {
  const choice = themeChoice();
  if (choice !== 'system') return choice;
  return query?.matches ? 'dark' : 'light';
}

export function useColorScheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, current);
}
