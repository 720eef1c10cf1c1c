import { DEMO_INCIDENTS, type Scenario } from '../scenario';
import type { Simulator } from '../simulator';
import { createZoomSim, DEMO_ZOOM_CREDENTIALS, type ZoomSimControls } from './index';

const ZOOM_DEMO_SCENARIO: Scenario = { seed: 4004, peakViewers: 60, incidents: DEMO_INCIDENTS };

export const zoomSimulator: Simulator<ZoomSimControls> = {
  demoName: 'Zoom Video SDK (demo)',
  demoScenario: ZOOM_DEMO_SCENARIO,
  create({ now, scenario, account }) {
    const secrets = account
      ? { apiKey: `key-${account}`, apiSecret: `secret-${account}` }
      : { ...DEMO_ZOOM_CREDENTIALS };
    const sim = createZoomSim({ now, scenario: scenario ?? ZOOM_DEMO_SCENARIO, plan: 'pro', ...secrets });
    return { handler: sim.handler, basePath: '/v2', secrets, sourceOptions: { plan: 'pro' }, controls: sim.controls };
  },
};
