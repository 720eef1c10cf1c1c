import type { Simulator } from '../simulator';
import { createNaverSim, NAVER_SIM_SCENARIO, type NaverSimMode } from './sim';

export interface NaverSimControls {
  setMode(mode: NaverSimMode): void;
  mode(): NaverSimMode;
}

export const naverSimulator: Simulator<NaverSimControls> = {
  demoName: 'NAVER VPE (demo)',
  demoScenario: NAVER_SIM_SCENARIO,
  create({ now, scenario, account }) {
    // Each NAVER account is its own Company ID, with its own request budget.
    const sim = createNaverSim({
      now,
      scenario,
      ...(account ? { apiKey: `key-${account}`, projectId: `company-${account}` } : {}),
    });
    return {
      handler: sim.handler,
      basePath: '',
      secrets: { apiKey: sim.apiKey, projectId: sim.projectId },
      sourceOptions: {},
      controls: { setMode: sim.setMode, mode: sim.mode },
    };
  },
};
