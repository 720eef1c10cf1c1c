import type { PowerMonitor } from 'electron';
import type { SystemEvents } from '../engine/types';

/**
 * Electron's powerMonitor as the engine's SystemEvents: the engine pauses
 * polling on suspend and lock, and polls at once on resume and unlock.
 */
export function powerEvents(monitor: Pick<PowerMonitor, 'on' | 'off'>): SystemEvents {
  return {
    on(listener) {
      const suspend = (): void => listener('suspend');
      const resume = (): void => listener('resume');
      const lock = (): void => listener('lock-screen');
      const unlock = (): void => listener('unlock-screen');
      monitor.on('suspend', suspend);
      monitor.on('resume', resume);
      monitor.on('lock-screen', lock);
      monitor.on('unlock-screen', unlock);
      return () => {
        monitor.off('suspend', suspend);
        monitor.off('resume', resume);
        monitor.off('lock-screen', lock);
        monitor.off('unlock-screen', unlock);
      };
    },
  };
}
