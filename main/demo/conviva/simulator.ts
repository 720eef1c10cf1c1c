import type { Simulator } from '../simulator';
import {
  CONVIVA_SIM_BASE_PATH,
  CONVIVA_SIM_CREDENTIALS,
  createConvivaSim,
  DEFAULT_CONVIVA_SCENARIO,
  type ConvivaSimControls,
} from './sim';

export const convivaSimulator: Simulator<ConvivaSimControls> = {
  demoName: 'Conviva (demo)',
  demoScenario: DEFAULT_CONVIVA_SCENARIO,
  create({ now, scenario, account }) {
    const secrets = account
      ? { clientId: `client-${account}`, clientSecret: `secret-${account}` }
      : { ...CONVIVA_SIM_CREDENTIALS };
    const sim = createConvivaSim({ now, scenario, ...secrets });
    return {
      handler: sim.handler,
      basePath: CONVIVA_SIM_BASE_PATH,
      secrets,
      sourceOptions: {},
      controls: sim.controls,
    };
  },
};
