import { VIEWS, type ViewId } from '../views';

interface Props {
  readonly current: ViewId;
  readonly onSelect: (view: ViewId) => void;
}

export function NavTabs({ current, onSelect }: Props) {
  return (
    <nav className="nav" aria-label="Views">
      <div role="tablist" aria-label="Views">
        {VIEWS.map((view) => (
          <button
            key={view.id}
            type="button"
            role="tab"
            id={`tab-${view.id}`}
            aria-selected={view.id === current}
            aria-controls="view"
            aria-keyshortcuts={view.key}
            title={`${view.label} (${view.key})`}
            onClick={() => onSelect(view.id)}
          >
            {view.label}
            <kbd>{view.key}</kbd>
          </button>
        ))}
      </div>
    </nav>
  );
}
