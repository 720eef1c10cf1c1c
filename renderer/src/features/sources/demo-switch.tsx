import type { SettingsView } from '@shared/ipc/contract';

interface Props {
  readonly settings: SettingsView;
  readonly hasRealSources: boolean;
  readonly busy: boolean;
  readonly onChange: (demo: boolean) => void;
}

/**
 * Demo data, labelled as such. It ends by itself when the first real source
 * is saved; while there is none, it can be switched back on (and off) here.
 */
export function DemoSwitch({ settings, hasRealSources, busy, onChange }: Props) {
  if (!settings.demo && hasRealSources) return null;
  return (
    <div className="demo-switch">
      {settings.demo ? <span className="demo-badge">DEMO</span> : null}
      <p>
        {settings.demo
          ? 'Showing demo data from Streamwatch’s built-in simulators, not from a real account.'
          : 'No sources and no demo data: add a source, or turn the demo back on.'}
      </p>
      {settings.editable && !hasRealSources ? (
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={settings.demo}
            disabled={busy}
            onChange={(e) => onChange(e.target.checked)}
          />
          <span>Show demo data</span>
        </label>
      ) : null}
    </div>
  );
}
