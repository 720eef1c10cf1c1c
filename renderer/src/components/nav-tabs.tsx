import type { ReactNode } from 'react';
import { VIEWS, type ViewId } from '../views';

interface Props {
  readonly current: ViewId;
  readonly onSelect: (view: ViewId) => void;
  /** Something to show beside a tab's label (the Alerts tab's firing count). */
  readonly badges?: Partial<Record<ViewId, ReactNode>>;
}

export function NavTabs({ current, onSelect, badges = {} }: Props) {
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
}
