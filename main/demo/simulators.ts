import { apiVideoSimulator } from './api-video/simulator';
import { convivaSimulator } from './conviva/simulator';
import { naverSimulator } from './naver-vpe/simulator';
import type { Simulator } from './simulator';
import { zoomSimulator } from './zoom-video-sdk/simulator';

/** Every platform's simulator, by the platform it plays: demo mode, the fault suite and the bench start them from here. */
export const SIMULATORS = {
  'naver-vpe': naverSimulator,
  'api-video': apiVideoSimulator,
  conviva: convivaSimulator,
  'zoom-video-sdk': zoomSimulator,
} as const satisfies Record<string, Simulator>;

export type SimulatedPlatform = keyof typeof SIMULATORS;
/** A platform's simulator controls, e.g. `SimControls<'zoom-video-sdk'>['setThrottle']`. */
export type SimControls<K extends SimulatedPlatform> = ReturnType<(typeof SIMULATORS)[K]['create']>['controls'];
