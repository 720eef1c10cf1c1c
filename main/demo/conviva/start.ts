import { startSimServer, type SimServer } from '../sim-server';
import {
  CONVIVA_SIM_BASE_PATH,
  CONVIVA_SIM_CREDENTIALS,
  createConvivaSim,
  type ConvivaSimControls,
  type ConvivaSimOptions,
} from './sim';

export interface RunningConvivaSim {
  readonly server: SimServer;
  readonly controls: ConvivaSimControls;
  /** What a source's baseUrl should be: the server plus Conviva's `/insights/3.0` prefix. */
  readonly baseUrl: string;
  /** The credentials the simulator accepts, for the source's secret fields. */
  readonly secrets: { readonly clientId: string; readonly clientSecret: string };
}

/** Starts the Conviva simulator on 127.0.0.1 (a free port unless one is given). */
export async function startConvivaSim(options: ConvivaSimOptions = {}, port = 0): Promise<RunningConvivaSim> {
  const sim = createConvivaSim(options);
  const server = await startSimServer(sim.handler, port);
  return {
    server,
    controls: sim.controls,
    get baseUrl() {
      // A getter: the port can change when a "refuse" fault is switched off and the server listens again.
      return `${server.url}${CONVIVA_SIM_BASE_PATH}`;
    },
    secrets: {
      clientId: options.clientId ?? CONVIVA_SIM_CREDENTIALS.clientId,
      clientSecret: options.clientSecret ?? CONVIVA_SIM_CREDENTIALS.clientSecret,
    },
  };
}
