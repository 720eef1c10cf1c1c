import { describe, expect, it, vi } from 'vitest';
import { VIEWS } from '@shared/model/views';
import { pushes } from '@shared/ipc/contract';
import type { MenuTemplateItem } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

const { appMenuTemplate } = await import('../../../main/app/menu');

function flatten(items: readonly MenuTemplateItem[]): MenuTemplateItem[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

function menu(isMac: boolean, updateLabel: string | null = null) {
  const handlers = {
    onRefresh: vi.fn(),
    onNavigate: vi.fn(),
    onOpenLogs: vi.fn(),
    onCopyDiagnostics: vi.fn(),
    onRestartToUpdate: vi.fn(),
  };
  const items = flatten(appMenuTemplate({ isMac, devTools: false, updateLabel, ...handlers }) as MenuTemplateItem[]);
  const find = (pred: (item: MenuTemplateItem) => boolean) => {
    const found = items.find(pred);
    if (!found) throw new Error('no such menu item');
    return found;
  };
  return { handlers, items, find };
}

describe.each([false, true])('application menu (mac: %s)', (isMac) => {
  it('every view of the page has an item with its label and digit, which navigates through app:navigate', () => {
    const { handlers, find } = menu(isMac);
    for (const view of VIEWS) {
      const item = find((entry) => entry.accelerator === `CmdOrCtrl+${view.key}`);
      expect(item.label).toBe(view.label);
      item.click!();
      const request = handlers.onNavigate.mock.lastCall![0];
      expect(request).toEqual({ view: view.id });
      // What the menu sends is exactly what the channel's schema accepts.
      expect(pushes['app:navigate'].safeParse(request).success).toBe(true);
    }
  });

  it('search and settings navigate, refresh stays in main, and no key press is synthesised', () => {
    const { handlers, find } = menu(isMac);
    find((e) => e.accelerator === 'CmdOrCtrl+F').click!();
    expect(handlers.onNavigate).toHaveBeenLastCalledWith({ view: 'sessions', focusSearch: true });
    find((e) => e.accelerator === 'CmdOrCtrl+,').click!();
    expect(handlers.onNavigate).toHaveBeenLastCalledWith({ view: 'sources' });
    find((e) => e.accelerator === 'CmdOrCtrl+R').click!();
    expect(handlers.onRefresh).toHaveBeenCalledOnce();
  });

  it('Help has Open Logs Folder and Copy Diagnostics', () => {
    const { handlers, find } = menu(isMac);
    find((e) => e.label === 'Open Logs Folder').click!();
    find((e) => e.label === 'Copy Diagnostics').click!();
    expect(handlers.onOpenLogs).toHaveBeenCalledOnce();
    expect(handlers.onCopyDiagnostics).toHaveBeenCalledOnce();
  });

  it('offers "Restart to update" only while an update waits', () => {
    expect(menu(isMac).items.some((e) => e.label?.startsWith('Restart to update'))).toBe(false);
    const { handlers, find } = menu(isMac, 'Restart to update to 0.2.0');
    find((e) => e.label === 'Restart to update to 0.2.0').click!();
    expect(handlers.onRestartToUpdate).toHaveBeenCalledOnce();
  });

  it('has no reload and no devtools in a packaged build', () => {
    const roles = menu(isMac).items.map((item) => item.role);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).toContain('editMenu');
  });
});
