/**
 * A fake of the preload's bridge for the renderer's stores: one request the
 * test answers when it likes, one push channel it pushes on by hand, and a
 * connection it opens and closes. The log records the order the store
 * subscribed and asked in.
 */
import type { StreamwatchApi } from '@shared/ipc/api';
import type { AppError, Result } from '@shared/result';
import type { Connection, ConnectionState } from '../../../renderer/src/connection';

export interface FakeBridge<Answer, Pushed> {
  readonly api: StreamwatchApi;
  readonly connection: Connection;
  /** 'subscribe' when the store subscribed to the push channel, `requestLabel` each time it asked. */
  readonly log: string[];
  push(value: Pushed): void;
  /** Answers the oldest request still waiting, then lets the store's promise callbacks run. */
  answer(result: Result<Answer, AppError>): Promise<void>;
  setConnection(state: ConnectionState): void;
}

export function fakeBridge<Answer, Pushed>(channels: {
  readonly request: string;
  readonly push: string;
  readonly requestLabel: string;
}): FakeBridge<Answer, Pushed> {
  const log: string[] = [];
  const answers: Array<(r: Result<Answer, AppError>) => void> = [];
  let listener: (value: Pushed) => void = () => {};
  let state: ConnectionState = 'open';
  const connectionListeners = new Set<() => void>();
  const api = {
    request: {
      [channels.request]: () => {
        log.push(channels.requestLabel);
        return new Promise<Result<Answer, AppError>>((resolve) => answers.push(resolve));
      },
    },
    on: {
      [channels.push]: (l: (value: Pushed) => void) => {
        log.push('subscribe');
        listener = l;
        return () => {};
      },
    },
  } as unknown as StreamwatchApi;
  return {
    api,
    connection: {
      get: () => state,
      subscribe: (l) => (connectionListeners.add(l), () => connectionListeners.delete(l)),
    },
    log,
    push: (value) => listener(value),
    answer: async (result) => {
      answers.shift()!(result);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    setConnection(next) {
      state = next;
      connectionListeners.forEach((l) => l());
    },
  };
}
