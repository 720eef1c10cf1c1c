import { describe, expect, it, vi } from 'vitest';
import { FakeWebContents, type MenuTemplateItem } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron());

const { appMenuTemplate, forwardToPage } = await import('../../../main/app/menu');

function flatten(items: readonly MenuTemplateItem[]): MenuTemplateItem[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

describe.each([false, true])('application menu (mac: %s)', (isMac) => {
  const onCommand = vi.fn();
  const items = flatten(appMenuTemplate({ isMac, devTools: false, onCommand }) as MenuTemplateItem[]);
  const byAccelerator = (accelerator: string) => items.find((item) => item.accelerator === accelerator);

  it.each([
    ['CmdOrCtrl+R', 'refresh'],
    ['CmdOrCtrl+F', 'search'],
    ['CmdOrCtrl+1', 'view-1'],
    ['CmdOrCtrl+2', 'view-2'],
    ['CmdOrCtrl+3', 'view-3'],
    ['CmdOrCtrl+,', 'settings'],
  ])('%s gives %s', (accelerator, command) => {
    const item = byAccelerator(accelerator);
    expect(item).toBeDefined();
    item!.click!();
    expect(onCommand).toHaveBeenLastCalledWith(command);
  });

  it('has no reload and no devtools in a packaged build', () => {
    const roles = items.map((item) => item.role);
    expect(roles).not.toContain('reload');
    expect(roles).not.toContain('forceReload');
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).toContain('editMenu');
  });
});

describe('forwardToPage', () => {
  it("sends the page's own shortcut key, and nothing to a closed page", () => {
    const contents = new FakeWebContents();
    forwardToPage(contents as never, 'view-2');
    expect(contents.sendInputEvent).toHaveBeenCalledWith({ type: 'keyDown', keyCode: '2' });
    expect(contents.sendInputEvent).toHaveBeenCalledWith({ type: 'keyUp', keyCode: '2' });
    forwardToPage(contents as never, 'search');
    expect(contents.sendInputEvent).toHaveBeenCalledWith({ type: 'keyDown', keyCode: '/' });
    contents.destroyed = true;
    contents.sendInputEvent.mockClear();
    forwardToPage(contents as never, 'settings');
    expect(contents.sendInputEvent).not.toHaveBeenCalled();
  });
});
