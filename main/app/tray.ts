import { join } from 'node:path';
import { Menu, Tray, nativeImage, nativeTheme, type MenuItemConstructorOptions } from 'electron';
import type { AlertsView } from '@shared/model/alerts';

export type TrayLevel = 'ok' | 'warning' | 'critical' | 'unknown';

/** What the tray shows; computed by the alert engine, only displayed here. */
export interface TrayState {
  readonly level: TrayLevel;
  readonly firing: number;
  readonly tooltip: string;
  readonly incidents: readonly { readonly id: string; readonly label: string }[];
}

export interface TrayActions {
  readonly openIncident: (id: string) => void;
  readonly snoozeAll: (ms: number) => void;
  readonly setPaused: (paused: boolean) => void;
  readonly openWindow: () => void;
  readonly refreshNow: () => void;
  readonly quit: () => void;
  readonly restartToUpdate?: () => void;
}

export interface TrayController {
  update(state: TrayState): void;
  setPaused(paused: boolean): void;
  /** "history is not being saved: <reason>" while the history file cannot be written; null when it can. */
  setHistoryProblem(problem: string | null): void;
  /** "Restart to update to x.y.z" while a downloaded update waits; null removes the item. */
  setUpdate(label: string | null): void;
  destroy(): void;
}

export const SNOOZE_CHOICES = [
  { label: '15 minutes', ms: 15 * 60_000 },
  { label: '1 hour', ms: 60 * 60_000 },
  { label: '4 hours', ms: 4 * 60 * 60_000 },
] as const;

/** The menu stays short; the rest are one click away in the window. */
const MAX_INCIDENT_ITEMS = 8;
/** Windows cuts tray tooltips at 127 characters. */
const MAX_TOOLTIP = 127;

/** The alert engine's view as the tray shows it: firing incidents, each labelled with its sentence. */
export function trayStateFromAlerts(view: AlertsView): TrayState {
  return {
    level: view.level,
    firing: view.firing.length,
    tooltip: view.summary,
    incidents: view.firing.map((incident) => ({ id: incident.id, label: incident.message })),
  };
}

const LEVEL_ORDER: readonly TrayLevel[] = ['unknown', 'ok', 'warning', 'critical'];

/**
 * The tray of a desktop that follows a team collector: while the collector is
 * unreachable the icon is at least a warning and the tooltip says so first,
 * because the incidents shown are then only as fresh as the last patch. A
 * critical incident already known stays critical.
 */
export function trayStateWithCollector(state: TrayState, collectorUnreachable: boolean): TrayState {
  if (!collectorUnreachable) return state;
  const level = LEVEL_ORDER.indexOf(state.level) > LEVEL_ORDER.indexOf('warning') ? state.level : 'warning';
  return {
    ...state,
    level,
    tooltip: `Collector unreachable — ${state.tooltip}`.slice(0, MAX_TOOLTIP),
  };
}

/** resources/tray/<level>-<light|dark>.png (+ @2x, which Electron picks up by itself). */
export function trayIconPath(iconDir: string, level: TrayLevel, dark: boolean): string {
  return join(iconDir, `${level}-${dark ? 'dark' : 'light'}.png`);
}

/**
 * A thin adapter from TrayState to Electron's Tray: the icon for the worst
 * level (in the variant that reads on the taskbar's theme), a tooltip with
 * the firing count, and a menu whose items call the injected actions.
 */
export function createTrayController(options: {
  readonly iconDir: string;
  readonly actions: TrayActions;
}): TrayController {
  const { actions } = options;
  let state: TrayState = { level: 'unknown', firing: 0, tooltip: 'Starting…', incidents: [] };
  let paused = false;
  let historyProblem: string | null = null;
  let updateLabel: string | null = null;

  const iconFor = (level: TrayLevel) =>
    nativeImage.createFromPath(
      trayIconPath(options.iconDir, level, nativeTheme.shouldUseDarkColorsForSystemIntegratedUI),
    );

  const tray = new Tray(iconFor(state.level));
  tray.on('click', () => actions.openWindow());

  const render = (): void => {
    tray.setImage(iconFor(state.level));
    tray.setToolTip(tooltipFor(state, paused, historyProblem));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, paused, actions, updateLabel)));
  };
  const onThemeChange = (): void => tray.setImage(iconFor(state.level));
  nativeTheme.on('updated', onThemeChange);
  render();

  return {
    update(next) {
      state = next;
      render();
    },
    setPaused(next) {
      paused = next;
      render();
    },
    setHistoryProblem(problem) {
      if (problem === historyProblem) return;
      historyProblem = problem;
      render();
    },
    setUpdate(label) {
      updateLabel = label;
      render();
    },
    destroy() {
      nativeTheme.off('updated', onThemeChange);
      tray.destroy();
    },
  };
}

/** The history problem comes before the alert summary: the tooltip is cut at 127 characters, and it says why data is lost. */
export function tooltipFor(state: TrayState, paused: boolean, historyProblem: string | null = null): string {
  const count =
    state.firing === 0 ? 'no incidents firing' : `${state.firing} incident${state.firing === 1 ? '' : 's'} firing`;
  const parts = [count, ...(paused ? ['polling paused'] : []), ...(historyProblem ? [historyProblem] : [])];
  if (state.tooltip) parts.push(state.tooltip);
  const text = `Streamwatch — ${parts.join(' · ')}`;
  return text.length <= MAX_TOOLTIP ? text : `${text.slice(0, MAX_TOOLTIP - 1)}…`;
}

const HEADLINES: Readonly<Record<TrayLevel, string>> = {
  ok: 'All sources healthy',
  warning: 'Warning',
  critical: 'Critical',
  unknown: 'Status unknown (no fresh data)',
};

export function trayMenuTemplate(
  state: TrayState,
  paused: boolean,
  actions: TrayActions,
  updateLabel: string | null = null,
): MenuItemConstructorOptions[] {
  const shown = state.incidents.slice(0, MAX_INCIDENT_ITEMS);
  const hidden = state.incidents.length - shown.length;
  const headline = state.firing > 0 ? `${HEADLINES[state.level]} — ${state.firing} firing` : HEADLINES[state.level];
  return [
    { label: headline, enabled: false },
    ...shown.map((incident) => ({ label: menuText(incident.label), click: () => actions.openIncident(incident.id) })),
    ...(hidden > 0 ? [{ label: `…and ${hidden} more`, click: () => actions.openWindow() }] : []),
    { type: 'separator' },
    {
      label: 'Snooze all',
      submenu: SNOOZE_CHOICES.map((choice) => ({ label: choice.label, click: () => actions.snoozeAll(choice.ms) })),
    },
    { label: 'Pause polling', type: 'checkbox', checked: paused, click: () => actions.setPaused(!paused) },
    { label: 'Refresh now', enabled: !paused, click: () => actions.refreshNow() },
    { type: 'separator' },
    ...(updateLabel ? [{ label: updateLabel, click: () => actions.restartToUpdate?.() }] : []),
    { label: 'Open Streamwatch', click: () => actions.openWindow() },
    { label: 'Quit Streamwatch', click: () => actions.quit() },
  ];
}

/** Windows menus read "&" as a mnemonic marker; a source called "A&B" should show as written. */
function menuText(label: string): string {
  return label.replaceAll('&', '&&');
}
