import { ipcMain } from 'electron';
import { requestChannels } from '@shared/ipc/contract';
import { err, type AppError, type Result } from '@shared/result';
import { dispatch, type Handlers } from '../api/dispatch';
import type { TrustedWindows } from './trusted-senders';

const UNTRUSTED: Result<never, AppError> = err({
  code: 'untrusted-sender',
  message: 'Streamwatch only answers its own window; this request came from somewhere else and was refused.',
});

/**
 * The only place that calls ipcMain.handle: one handler per request channel
 * of the contract. Each message's sender is checked first, then `dispatch`
 * parses its argument with the channel's schema and turns every failure into
 * a Result. Nothing here throws across IPC. Returns a function that
 * unregisters them all.
 */
export function registerIpcHandlers(handlers: Handlers, trust: Pick<TrustedWindows, 'isTrustedSender'>): () => void {
  for (const channel of requestChannels) {
    ipcMain.handle(channel, async (event, args: unknown) => {
      if (!trust.isTrustedSender(event)) {
        console.warn(`[ipc] refused ${channel} from an untrusted sender`);
        return UNTRUSTED;
      }
      return dispatch(handlers, channel, args);
    });
  }
  return () => {
    for (const channel of requestChannels) ipcMain.removeHandler(channel);
  };
}
