import type { SettingsView } from '@shared/ipc/contract';

export type ThemeChoice = SettingsView['theme'];

/**
 * The user's theme choice, applied to <html data-theme>: the stylesheet
 * follows the OS unless this says light or dark. Canvases (the chart) read
 * colours in script, so they subscribe here too.
 */
let choice: ThemeChoice = 'system';
const listeners = new Set<() => void>();

export function applyTheme(next: ThemeChoice): void {
  if (next === choice) return;
  choice = next;
  const root = document.documentElement;
  if (next === 'system') delete root.dataset.theme;
  else root.dataset.theme = next;
  for (const listener of listeners) listener();
}

export function themeChoice(): ThemeChoice {
  return choice;
}

export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
