import { vi } from 'vitest';
import { requestChannels } from '@shared/ipc/contract';
import { ok } from '@shared/result';
import type { Handlers } from '../../../main/api/dispatch';
import { FakeBrowserWindow } from '../app/fake-electron';

type Spy = ReturnType<typeof vi.fn>;

/** Handlers that answer `{ok:true, value:{channel, args}}`, each a spy (`spies` for mocking, `handlers` to register). */
export function echoHandlers(): { handlers: Handlers; spies: Record<string, Spy> } {
  const spies: Record<string, Spy> = {};
  for (const channel of requestChannels) spies[channel] = vi.fn(async (args: unknown) => ok({ channel, args }));
  return { handlers: spies as unknown as Handlers, spies };
}

/** An IPC event as Electron builds it: the sending contents and frame. */
export function eventFrom(
  window: FakeBrowserWindow,
  frame: { url: string; parent: unknown } | null = window.webContents.mainFrame,
) {
  return { sender: window.webContents, senderFrame: frame };
}

export function newWindow(url = 'app://streamwatch/index.html'): FakeBrowserWindow {
  const window = new FakeBrowserWindow();
  window.webContents.mainFrame = { url, parent: null };
  return window;
}
