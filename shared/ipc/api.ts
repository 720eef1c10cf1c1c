import type { AppError, Result } from '../result';
import type { PushChannel, PushPayload, RequestArgs, RequestChannel, RequestResult } from './contract';

/**
 * The shape of `window.api`, derived from the contract. The preload (Electron)
 * and the WebSocket bridge (headless --serve) both implement exactly this.
 */
export interface StreamwatchApi {
  readonly request: {
    readonly [C in RequestChannel]: (args: RequestArgs<C>) => Promise<Result<RequestResult<C>, AppError>>;
  };
  readonly on: {
    readonly [C in PushChannel]: (listener: (payload: PushPayload<C>) => void) => () => void;
  };
}
