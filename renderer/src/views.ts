/**
 * The views in the navigation, in order; the digit is the keyboard shortcut.
 * Alerts and Sources join this list when they exist.
 */
export type ViewId = 'overview' | 'sessions' | 'health';

export interface ViewEntry {
  readonly id: ViewId;
  readonly label: string;
  readonly key: string;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'overview', label: 'Overview', key: '1' },
  { id: 'sessions', label: 'Sessions', key: '2' },
  { id: 'health', label: 'Sources health', key: '3' },
];

export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#/, '');
  return VIEWS.find((v) => v.id === id)?.id ?? 'overview';
}
