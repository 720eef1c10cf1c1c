import type { PushChannel, PushPayload } from '@shared/ipc/contract';
import type { TrustedWindows } from './trusted-senders';

export type Broadcast = <C extends PushChannel>(channel: C, payload: PushPayload<C>) => void;

/**
 * The only way main pushes to renderers: a contract channel with its typed
 * payload, to our live windows on the app's own origin. A window closing
 * while a patch is on its way is skipped, not an exception.
 */
export function createBroadcast(trust: Pick<TrustedWindows, 'live' | 'isTrustedContents'>): Broadcast {
  return (channel, payload) => {
    for (const window of trust.live()) {
      const contents = window.webContents;
      if (!trust.isTrustedContents(contents) || contents.isCrashed()) continue;
      try {
        contents.send(channel, payload);
      } catch (cause) {
        // Sending races with a window being torn down; the next patch finds it gone.
        console.warn(`[ipc] could not push ${channel}`, cause instanceof Error ? cause.message : cause);
      }
    }
  };
}
