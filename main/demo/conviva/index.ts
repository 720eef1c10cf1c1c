export { createConvivaSim, CONVIVA_SIM_BASE_PATH, CONVIVA_SIM_CREDENTIALS, DEFAULT_CONVIVA_SCENARIO } from './sim';
export type { ConvivaSim, ConvivaSimControls, ConvivaSimFeature, ConvivaSimOptions } from './sim';
export type { LimitMode, SessionQuery } from './sessions-route';
export { startConvivaSim, type RunningConvivaSim } from './start';
