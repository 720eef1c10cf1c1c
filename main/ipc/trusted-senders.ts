import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron';

/**
 * The windows Streamwatch created, and the test every IPC message and every
 * push goes through: trusted means "the top frame of one of our own live
 * windows, showing a page from the app's own origin". A page that somehow
 * navigated elsewhere, an iframe, or a web contents we did not create is not.
 */
export interface TrustedWindows {
  add(window: BrowserWindow): void;
  /** Our windows that are not destroyed, oldest first. */
  live(): BrowserWindow[];
  isTrustedContents(contents: WebContents): boolean;
  isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean;
}

export function createTrustedWindows(isAppUrl: (url: string) => boolean): TrustedWindows {
  const windows = new Set<BrowserWindow>();

  const live = (): BrowserWindow[] => [...windows].filter((window) => !window.isDestroyed());

  const isTrustedContents = (contents: WebContents): boolean => {
    if (contents.isDestroyed()) return false;
    const ours = live().some((window) => !window.webContents.isDestroyed() && window.webContents.id === contents.id);
    return ours && isAppUrl(contents.mainFrame.url);
  };

  return {
    add(window) {
      windows.add(window);
      window.once('closed', () => windows.delete(window));
    },
    live,
    isTrustedContents,
    isTrustedSender(event) {
      try {
        const frame = event.senderFrame;
        // null when the frame navigated or went away before we looked: not trusted.
        if (frame === null || frame.parent !== null) return false;
        return isAppUrl(frame.url) && isTrustedContents(event.sender);
      } catch {
        return false;
      }
    },
  };
}
