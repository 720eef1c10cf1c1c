import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTray, nativeTheme, type MenuTemplateItem } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

const { createTrayController, SNOOZE_CHOICES, trayStateWithCollector } = await import('../../../main/app/tray');
type TrayState = import('../../../main/app/tray').TrayState;

const ICONS = '/res/tray';

function setup() {
  const actions = {
    openIncident: vi.fn(),
    snoozeAll: vi.fn(),
    setPaused: vi.fn(),
    openWindow: vi.fn(),
    refreshNow: vi.fn(),
    quit: vi.fn(),
    restartToUpdate: vi.fn(),
  };
  const controller = createTrayController({ iconDir: ICONS, actions });
  const tray = FakeTray.created.at(-1)!;
  const menu = (): MenuTemplateItem[] => tray.menu!.template;
  const item = (label: string): MenuTemplateItem => {
    const found = menu().find((entry) => entry.label === label);
    if (!found)
      throw new Error(
        `no menu item ${label}: ${menu()
          .map((entry) => entry.label)
          .join(', ')}`,
      );
    return found;
  };
  return { actions, controller, tray, menu, item };
}

const iconPath = (tray: FakeTray): string => (tray.image as { path: string }).path;

const STATES: Record<TrayState['level'], TrayState> = {
  ok: { level: 'ok', firing: 0, tooltip: '4 sources healthy', incidents: [] },
  warning: {
    level: 'warning',
    firing: 1,
    tooltip: 'NAVER main: 12% of sessions failed',
    incidents: [{ id: 'i-1', label: 'NAVER main · 12% of sessions failed in the last 5 min' }],
  },
  critical: {
    level: 'critical',
    firing: 2,
    tooltip: 'Zoom down; NAVER failing',
    incidents: [
      { id: 'i-2', label: 'Zoom · API unreachable' },
      { id: 'i-3', label: 'NAVER main & backup · 34% of sessions failed' },
    ],
  },
  unknown: { level: 'unknown', firing: 0, tooltip: 'no fresh data for 3 min', incidents: [] },
};

beforeEach(() => {
  nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = false;
});

describe('tray adapter', () => {
  it.each(Object.values(STATES))('shows the $level icon, count and menu', (state) => {
    const { controller, tray, menu, actions } = setup();
    controller.update(state);
    expect(iconPath(tray)).toBe(`${ICONS}/${state.level}-light.png`);
    expect(tray.tooltip).toContain(state.firing === 0 ? 'no incidents firing' : `${state.firing} incident`);
    expect(tray.tooltip).toContain(state.tooltip);
    expect(tray.tooltip.length).toBeLessThanOrEqual(127);

    const labels = menu().map((entry) => entry.label ?? `—${entry.type ?? entry.role}`);
    const incidentLabels = state.incidents.map((incident) => incident.label.replaceAll('&', '&&'));
    expect(labels.slice(1, 1 + incidentLabels.length)).toEqual(incidentLabels);
    expect(labels).toEqual(
      expect.arrayContaining(['Snooze all', 'Pause polling', 'Refresh now', 'Open Streamwatch', 'Quit Streamwatch']),
    );
    if (state.firing > 0) expect(labels[0]).toContain(`${state.firing} firing`);

    state.incidents.forEach((incident, index) => {
      menu()[1 + index]!.click!();
      expect(actions.openIncident).toHaveBeenLastCalledWith(incident.id);
    });
  });

  it('uses the dark variant on a dark taskbar and follows theme changes', () => {
    const listenersBefore = nativeTheme.listenerCount('updated');
    const { controller, tray } = setup();
    controller.update(STATES.critical);
    expect(iconPath(tray)).toBe(`${ICONS}/critical-light.png`);
    nativeTheme.shouldUseDarkColorsForSystemIntegratedUI = true;
    nativeTheme.emit('updated');
    expect(iconPath(tray)).toBe(`${ICONS}/critical-dark.png`);
    controller.destroy();
    expect(tray.destroyed).toBe(true);
    expect(nativeTheme.listenerCount('updated')).toBe(listenersBefore);
  });

  it('routes every menu command to its action', () => {
    const { item, actions, controller } = setup();
    controller.update(STATES.ok);
    const snooze = item('Snooze all').submenu!;
    expect(snooze.map((entry) => entry.label)).toEqual(['15 minutes', '1 hour', '4 hours']);
    snooze.forEach((entry) => entry.click!());
    expect(actions.snoozeAll.mock.calls.map(([ms]) => ms)).toEqual(SNOOZE_CHOICES.map((choice) => choice.ms));
    expect(actions.snoozeAll.mock.calls.map(([ms]) => ms)).toEqual([900_000, 3_600_000, 14_400_000]);

    item('Refresh now').click!();
    item('Open Streamwatch').click!();
    item('Quit Streamwatch').click!();
    expect(actions.refreshNow).toHaveBeenCalledOnce();
    expect(actions.openWindow).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });

  it('shows pause as a checkbox and asks for the opposite state', () => {
    const { item, actions, controller, tray } = setup();
    expect(item('Pause polling')).toMatchObject({ type: 'checkbox', checked: false });
    item('Pause polling').click!();
    expect(actions.setPaused).toHaveBeenLastCalledWith(true);
    controller.setPaused(true);
    expect(item('Pause polling').checked).toBe(true);
    expect(item('Refresh now').enabled).toBe(false);
    expect(tray.tooltip).toContain('polling paused');
    item('Pause polling').click!();
    expect(actions.setPaused).toHaveBeenLastCalledWith(false);
  });

  it('says in the tooltip, before the alert summary, that history is not being saved, until it is again', () => {
    const { controller, tray } = setup();
    controller.update({ ...STATES.warning, tooltip: 'x'.repeat(200) });
    controller.setHistoryProblem('history is not being saved: the disk is full');
    expect(tray.tooltip).toMatch(
      /^Streamwatch — 1 incident firing · history is not being saved: the disk is full · x+…$/,
    );
    expect(tray.tooltip.length).toBe(127);
    controller.setHistoryProblem(null);
    expect(tray.tooltip).not.toContain('history');
  });

  it('keeps the menu short when many incidents fire', () => {
    const { controller, menu, actions } = setup();
    const incidents = Array.from({ length: 12 }, (_, i) => ({ id: `i-${i}`, label: `Source ${i} · failing` }));
    controller.update({ level: 'critical', firing: 12, tooltip: '12 sources failing', incidents });
    const more = menu().find((entry) => entry.label === '…and 4 more')!;
    more.click!();
    expect(actions.openWindow).toHaveBeenCalledOnce();
    expect(menu().filter((entry) => entry.label?.startsWith('Source '))).toHaveLength(8);
  });

  it('shows "Restart to update" only while an update waits, and never restarts by itself', () => {
    const { actions, controller, menu, item } = setup();
    expect(menu().some((entry) => entry.label?.startsWith('Restart'))).toBe(false);
    controller.setUpdate('Restart to update to 0.2.0');
    expect(actions.restartToUpdate).not.toHaveBeenCalled();
    item('Restart to update to 0.2.0').click!();
    expect(actions.restartToUpdate).toHaveBeenCalledOnce();
    controller.setUpdate(null);
    expect(menu().some((entry) => entry.label?.startsWith('Restart'))).toBe(false);
  });

  it('opens the window on a click on the icon', () => {
    const { tray, actions } = setup();
    tray.emit('click');
    expect(actions.openWindow).toHaveBeenCalledOnce();
  });

  it('starts grey (unknown) before the first state arrives', () => {
    const { tray } = setup();
    expect(iconPath(tray)).toBe(`${ICONS}/unknown-light.png`);
  });
});

describe('tray of a desktop following a team collector', () => {
  const base = (level: TrayState['level']): TrayState => ({
    level,
    firing: level === 'critical' ? 1 : 0,
    tooltip: level === 'critical' ? '1 incident: main stalled' : 'All sources healthy',
    incidents: [],
  });

  it.each([
    ['ok', 'warning'],
    ['unknown', 'warning'],
    ['warning', 'warning'],
    ['critical', 'critical'],
  ] as const)('collector unreachable turns %s into %s, saying so first', (from, to) => {
    const shown = trayStateWithCollector(base(from), true);
    expect(shown.level).toBe(to);
    expect(shown.tooltip).toBe(`Collector unreachable — ${base(from).tooltip}`);
  });

  it('a reachable collector leaves the alert view as it is', () => {
    expect(trayStateWithCollector(base('ok'), false)).toEqual(base('ok'));
  });

  it('keeps within the tooltip limit', () => {
    const long = { ...base('ok'), tooltip: 'x'.repeat(200) };
    expect(trayStateWithCollector(long, true).tooltip.length).toBeLessThanOrEqual(127);
  });
});
