import { startSimServer, type SimServer } from '../sim-server';
import { createApiVideoSim, type ApiVideoSim, type ApiVideoSimOptions } from './handler';

export {
  API_VIDEO_SIM_SCENARIO,
  createApiVideoSim,
  DEFAULT_SIM_API_KEY,
  type ApiVideoSim,
  type ApiVideoSimControls,
  type ApiVideoSimOptions,
} from './handler';
export { BODY_STYLES, type BodyStyle } from './body-styles';
export type { LyingPagination } from './paging';
export { createWorld, isBroadcasting, mediaViewersAt, type World } from './world';

export interface RunningApiVideoSim extends ApiVideoSim {
  readonly server: SimServer;
  /** The base URL to configure as the source's `baseUrl`. */
  readonly url: string;
  close(): Promise<void>;
}

/** The simulator on 127.0.0.1 (port 0: any free one). */
export async function startApiVideoSim(options: ApiVideoSimOptions, port = 0): Promise<RunningApiVideoSim> {
  const sim = createApiVideoSim(options);
  const server = await startSimServer(sim.handler, port);
  return {
    ...sim,
    server,
    get url() {
      return server.url;
    },
    close: () => server.close(),
  };
}
