import { useLayoutEffect, useRef } from 'react';
import { viewForKey, type ViewId } from './views';

export interface ShortcutHandlers {
  readonly refresh: () => void;
  readonly focusSearch: () => void;
  readonly selectView: (view: ViewId) => void;
  readonly toggleWallboard: () => void;
  readonly escape: () => boolean;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts, as in a mail client: r refresh, / search, 1–5 views
 * ("," Sources & settings), w wall board. Ignored while typing in a field and
 * with modifier keys, so they never steal a character or an OS shortcut.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  // The listener is added once; it reads the latest handlers through this ref.
  const ref = useRef(handlers);
  useLayoutEffect(() => {
    ref.current = handlers;
  });
  // A layout effect, not a passive one: the listener is in place before the
  // first paint shows the tabs, so a key pressed as soon as they appear is not lost.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const h = ref.current;
      if (event.key === 'Escape') {
        if (h.escape()) event.preventDefault();
        return;
      }
      if (isTyping(event.target)) return;
      const view = viewForKey(event.key);
      if (view) h.selectView(view);
      else if (event.key === 'r') h.refresh();
      else if (event.key === '/') h.focusSearch();
      else if (event.key === 'w') h.toggleWallboard();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
