import type { SimRequest, SimResponse } from '../../../main/demo/sim-server';
import type { Simulator } from '../../../main/demo/simulator';

export interface ExampleSimControls {
  /** Requests answered so far. */
  requests(): number;
}

/** The made-up platform's simulator, in the shape every simulator has: one endpoint, an API key, a count that moves. */
export const exampleSimulator: Simulator<ExampleSimControls> = {
  demoName: 'Example TV (demo)',
  demoScenario: { seed: 1, peakViewers: 100, incidents: [] },
  create({ now, account }) {
    const apiKey = account ? `key-${account}` : 'example-key';
    let calls = 0;
    const handler = (request: SimRequest): SimResponse => {
      calls++;
      if (request.headers['x-api-key'] !== apiKey) return { status: 401, body: { error: 'bad key' } };
      if (request.path !== '/v1/audience/now') return { status: 404, body: {} };
      return { status: 200, body: { measured_at: new Date(now()).toISOString(), watching: 100 + (calls % 7) } };
    };
    return { handler, basePath: '', secrets: { apiKey }, sourceOptions: {}, controls: { requests: () => calls } };
  },
};
