import type { Simulator } from '../simulator';
import { API_VIDEO_SIM_SCENARIO, createApiVideoSim, DEFAULT_SIM_API_KEY, type ApiVideoSimControls } from './handler';

export const apiVideoSimulator: Simulator<ApiVideoSimControls> = {
  demoName: 'api.video (demo)',
  demoScenario: API_VIDEO_SIM_SCENARIO,
  create({ now, scenario, account, sandbox = false }) {
    const apiKey = account ? `key-${account}` : DEFAULT_SIM_API_KEY;
    const sim = createApiVideoSim({
      now,
      apiKey,
      scenario: scenario ?? API_VIDEO_SIM_SCENARIO,
      environment: sandbox ? 'sandbox' : 'production',
      // api.video's documented reads per minute: 500 in production, 100 in the sandbox.
      rateLimitPerMinute: sandbox ? 100 : 500,
    });
    return { handler: sim.handler, basePath: '', secrets: { apiKey }, sourceOptions: {}, controls: sim.controls };
  },
};
