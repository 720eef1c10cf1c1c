import { memo, type ReactNode } from 'react';
import { VIEWS, type ViewId } from '../views';

const NO_BADGES: Partial<Record<ViewId, ReactNode>> = {};

interface Props {
  readonly current: ViewId;
  readonly onSelect: (view: ViewId) => void;
  /** Something to show beside a tab's label (the Alerts tab's firing count). */
  readonly badges?: Partial<Record<ViewId, ReactNode>>;
}

/** Memoised: the app passes a stable onSelect and badges, so an update skips the tabs. */
export const NavTabs = memo(function NavTabs({ current, onSelect, badges = NO_BADGES }: Props) {
  return (
    <nav className="nav" aria-label="Views">
      <div role="tablist" aria-label="Views">
        {VIEWS.map((view) => {
          const keys = view.alias ? `${view.key} or ${view.alias}` : view.key;
          return (
            <button
              key={view.id}
              type="button"
              role="tab"
              id={`tab-${view.id}`}
              aria-selected={view.id === current}
              aria-controls="view"
              aria-keyshortcuts={view.alias ? `${view.key} ${view.alias}` : view.key}
              title={`${view.label} (${keys})`}
              onClick={() => onSelect(view.id)}
            >
              {view.label}
              {badges[view.id] ?? null}
              <kbd>{view.key}</kbd>
            </button>
          );
        })}
      </div>
    </nav>
  );
});
