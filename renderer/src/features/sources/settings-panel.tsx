import { useRef, useState } from 'react';
import type { RequestArgs, SettingsView } from '@shared/ipc/contract';
import type { AppError, Result } from '@shared/result';
import { applyTheme } from '../../theme';

type Notifications = SettingsView['notifications'];

interface Props {
  readonly settings: SettingsView;
  readonly onSet: (change: RequestArgs<'settings:set'>) => Promise<Result<SettingsView, AppError>>;
}

const THEMES: ReadonlyArray<readonly [SettingsView['theme'], string]> = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

/** A whole-number input that saves when the focus leaves it (not on every keystroke). */
function MinutesInput(props: {
  readonly id: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly onCommit: (n: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={props.id}
      type="number"
      min={props.min}
      max={props.max}
      step={1}
      value={draft ?? String(props.value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        const n = Number(draft);
        setDraft(null);
        if (draft !== null && Number.isInteger(n) && n >= props.min && n <= props.max && n !== props.value)
          props.onCommit(n);
      }}
    />
  );
}

function withChange(view: SettingsView, change: RequestArgs<'settings:set'>): SettingsView {
  return {
    ...view,
    theme: change.theme ?? view.theme,
    notifications: { ...view.notifications, ...change.notifications },
    desktop: view.desktop && { ...view.desktop, prefs: { ...view.desktop.prefs, ...change.desktop } },
  };
}

/** Theme and notification preferences; each change is saved at once. */
export function SettingsPanel({ settings: saved, onSet }: Props) {
  const [message, setMessage] = useState('');
  // A change shows at once and stays shown until main answers it: laid over whatever settings the page holds,
  // so a refresh that lands meanwhile (the bridge connecting) does not flip the choice back. A failure takes it away.
  const [pending, setPending] = useState<ReadonlyArray<{ id: number; change: RequestArgs<'settings:set'> }>>([]);
  const lastId = useRef(0);
  const settings = pending.reduce((view, { change }) => withChange(view, change), saved);
  const n = settings.notifications;
  const save = async (change: RequestArgs<'settings:set'>) => {
    const id = ++lastId.current;
    setPending((list) => [...list, { id, change }]);
    if (change.theme) applyTheme(change.theme);
    const result = await onSet(change);
    // On success the store already holds main's answer, so the overlay can go without a flicker.
    setPending((list) => list.filter((entry) => entry.id !== id));
    if (!result.ok && change.theme) applyTheme(saved.theme);
    setMessage(result.ok ? 'Saved.' : result.error.message);
  };
  const notify = (patch: Partial<Notifications>) => void save({ notifications: patch });
  const quiet = (patch: Partial<Notifications['quietHours']>) => notify({ quietHours: { ...n.quietHours, ...patch } });

  return (
    <section className="panel settings-panel" aria-labelledby="settings-heading">
      <header className="panel-head">
        <h2 id="settings-heading">Settings</h2>
        <span role="status" className="muted">
          {message}
        </span>
      </header>
      <fieldset className="theme-choice">
        <legend>Theme</legend>
        {THEMES.map(([value, label]) => (
          <label key={value} className="field-check">
            <input
              type="radio"
              name="theme"
              value={value}
              checked={settings.theme === value}
              onChange={() => void save({ theme: value })}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Notifications</legend>
        <label className="field-check">
          <input type="checkbox" checked={n.enabled} onChange={(e) => notify({ enabled: e.target.checked })} />
          <span>Notify when an incident opens or resolves</span>
        </label>
        <label className="field-check">
          <input
            type="checkbox"
            checked={n.sound}
            disabled={!n.enabled}
            onChange={(e) => notify({ sound: e.target.checked })}
          />
          <span>Play a sound</span>
        </label>
        <div className="inline-fields">
          <label htmlFor="remind-every">Remind every</label>
          <MinutesInput
            id="remind-every"
            value={n.remindEveryMinutes}
            min={1}
            max={1440}
            onCommit={(v) => notify({ remindEveryMinutes: v })}
          />
          <span>min, at most</span>
          <MinutesInput
            id="max-reminders"
            value={n.maxReminders}
            min={0}
            max={100}
            onCommit={(v) => notify({ maxReminders: v })}
          />
          <label htmlFor="max-reminders">times while an incident fires</label>
        </div>
        <div className="inline-fields">
          <label className="field-check">
            <input
              type="checkbox"
              checked={n.quietHours.enabled}
              onChange={(e) => quiet({ enabled: e.target.checked })}
            />
            <span>Quiet hours from</span>
          </label>
          <input
            type="time"
            aria-label="Quiet hours start"
            value={n.quietHours.start}
            disabled={!n.quietHours.enabled}
            onChange={(e) => e.target.value && quiet({ start: e.target.value })}
          />
          <span>to</span>
          <input
            type="time"
            aria-label="Quiet hours end"
            value={n.quietHours.end}
            disabled={!n.quietHours.enabled}
            onChange={(e) => e.target.value && quiet({ end: e.target.value })}
          />
        </div>
        <label className="field-check indent">
          <input
            type="checkbox"
            checked={n.quietHours.criticalBypass}
            disabled={!n.quietHours.enabled}
            onChange={(e) => quiet({ criticalBypass: e.target.checked })}
          />
          <span>Critical alerts notify during quiet hours too</span>
        </label>
      </fieldset>
      {settings.desktop ? (
        <DesktopFields desktop={settings.desktop} onChange={(desktop) => void save({ desktop })} />
      ) : null}
      {settings.location ? <p className="note">Settings are kept in {settings.location}.</p> : null}
    </section>
  );
}

/** Launch at login and updates: only the desktop app has them (headless in a browser shows nothing here). */
function DesktopFields(props: {
  readonly desktop: NonNullable<SettingsView['desktop']>;
  readonly onChange: (change: Partial<NonNullable<SettingsView['desktop']>['prefs']>) => void;
}) {
  const { prefs, notes } = props.desktop;
  return (
    <fieldset>
      <legend>Desktop</legend>
      <label className="field-check">
        <input
          type="checkbox"
          checked={prefs.launchAtLogin}
          onChange={(e) => props.onChange({ launchAtLogin: e.target.checked })}
        />
        <span>Start Streamwatch at login, in the tray</span>
      </label>
      <label className="field-check">
        <input
          type="checkbox"
          checked={prefs.checkForUpdates}
          onChange={(e) => props.onChange({ checkForUpdates: e.target.checked })}
        />
        <span>Download updates in the background (installed only when you restart)</span>
      </label>
      {notes.map((note) => (
        <p key={note} className="note">
          {note}
        </p>
      ))}
    </fieldset>
  );
}
