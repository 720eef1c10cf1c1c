import WebSocket from 'ws';
import type { Snapshot } from '@shared/model/state';
import { WS_PATH } from '@shared/ipc/ws-protocol';

/**
 * Asks the server what the engine holds, through the same bridge the page
 * uses (with the page's Origin), so a test can compare what is on screen
 * with what main says rather than with a guess.
 */
export async function fetchSnapshot(serverUrl: string): Promise<Snapshot> {
  const origin = new URL(serverUrl).origin;
  const ws = new WebSocket(`${origin.replace('http', 'ws')}${WS_PATH}`, { origin });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const answer = new Promise<{ result: { ok: boolean; value?: Snapshot; error?: { message: string } } }>((resolve) =>
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString());
        if (message.type === 'response' && message.id === 1) resolve(message);
      }),
    );
    ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'state:snapshot', args: {} }));
    const { result } = await answer;
    if (!result.ok || !result.value) throw new Error(`state:snapshot failed: ${result.error?.message}`);
    return result.value;
  } finally {
    ws.close();
  }
}
