/**
 * The app's views, in navigation order, declared once: the page's tabs and
 * single-key shortcuts, the application menu's items and the `app:navigate`
 * channel's view names all come from this list. The digit is the shortcut
 * (and "," opens Sources & settings, as in most desktop apps).
 */
export const VIEW_IDS = ['overview', 'sessions', 'health', 'alerts', 'sources'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

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
