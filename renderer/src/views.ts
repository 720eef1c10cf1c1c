import type { ViewName } from '@shared/ipc/contract';

/**
 * The views in the navigation, in order; the digit is the keyboard shortcut
 * (and "," opens Sources & settings, as in most desktop apps).
 */
export type ViewId = 'overview' | 'sessions' | 'health' | 'alerts' | 'sources';

export interface ViewEntry {
  readonly id: ViewId;
  readonly label: string;
  readonly key: string;
  /** A second key for the same view. */
  readonly alias?: string;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'overview', label: 'Overview', key: '1' },
  { id: 'sessions', label: 'Sessions', key: '2' },
  { id: 'health', label: 'Sources health', key: '3' },
  { id: 'alerts', label: 'Alerts', key: '4' },
  { id: 'sources', label: 'Sources & settings', key: '5', alias: ',' },
];

export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#/, '');
  return VIEWS.find((v) => v.id === id)?.id ?? 'overview';
}

export function viewForKey(key: string): ViewId | null {
  return VIEWS.find((v) => v.key === key || v.alias === key)?.id ?? null;
}

/** The shell names views in the contract's words; every one of them is a view here. */
export function viewFromShell(view: ViewName): ViewId {
  return view;
}
