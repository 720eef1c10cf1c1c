import { describe, expect, it, vi } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  createUpdateSchedule,
  INITIAL_STATUS,
  nextStatus,
  restartLabel,
  updatesSwitch,
  type UpdateEvent,
  type UpdateStatus,
} from '../../../main/app/update-policy';
import { manualClock } from '../../support/manual-clock';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const HOUR = 60 * 60 * 1000;

function scheduled(enabled = true) {
  const clock = manualClock(T0);
  const state = { enabled, ready: false };
  const check = vi.fn();
  const schedule = createUpdateSchedule({
    clock,
    enabled: () => state.enabled,
    ready: () => state.ready,
    check,
  });
  return { clock, state, check, schedule };
}

describe('update schedule', () => {
  it('checks at start and then every six hours, not in between', () => {
    const { clock, check, schedule } = scheduled();
    schedule.start();
    expect(check).toHaveBeenCalledTimes(1);
    clock.advance(6 * HOUR - 1);
    expect(check).toHaveBeenCalledTimes(1);
    clock.advance(1);
    expect(check).toHaveBeenCalledTimes(2);
    clock.advance(12 * HOUR);
    expect(check).toHaveBeenCalledTimes(4);
    expect(CHECK_INTERVAL_MS).toBe(6 * HOUR);
  });

  it('never checks while switched off; switched on later it checks at once', () => {
    const { clock, state, check, schedule } = scheduled(false);
    schedule.start();
    clock.advance(24 * HOUR);
    expect(check).not.toHaveBeenCalled();
    state.enabled = true;
    schedule.reconsider();
    expect(check).toHaveBeenCalledTimes(1);
    // Toggling again right away does not check twice.
    schedule.reconsider();
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('stops checking once an update waits for the restart', () => {
    const { clock, state, check, schedule } = scheduled();
    schedule.start();
    state.ready = true;
    clock.advance(48 * HOUR);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('stop clears the timer', () => {
    const { clock, check, schedule } = scheduled();
    schedule.start();
    schedule.stop();
    expect(clock.pending()).toBe(0);
    clock.advance(24 * HOUR);
    expect(check).toHaveBeenCalledTimes(1);
  });
});

describe('update status', () => {
  const run = (events: UpdateEvent[]): UpdateStatus => events.reduce(nextStatus, INITIAL_STATUS);

  it('offers "Restart to update" only once the download is complete', () => {
    expect(restartLabel(run([{ type: 'checking' }, { type: 'available', version: '1.2.0' }]))).toBeNull();
    const ready = run([
      { type: 'checking' },
      { type: 'available', version: '1.2.0' },
      { type: 'downloaded', version: '1.2.0' },
    ]);
    expect(ready.phase).toBe('ready');
    expect(restartLabel(ready)).toBe('Restart to update to 1.2.0');
  });

  it('a failed check after the download keeps the offer', () => {
    const status = run([
      { type: 'downloaded', version: '1.2.0' },
      { type: 'checking' },
      { type: 'error', message: 'offline' },
    ]);
    expect(restartLabel(status)).toBe('Restart to update to 1.2.0');
  });

  it('a failed check is kept with its message, and nothing to restart', () => {
    const status = run([{ type: 'checking' }, { type: 'error', message: 'The update server did not answer.' }]);
    expect(status).toEqual({ phase: 'failed', version: null, message: 'The update server did not answer.' });
    expect(restartLabel(status)).toBeNull();
  });
});

describe('who may switch updates off', () => {
  it("the administrator's STREAMWATCH_UPDATES=off wins over the setting", () => {
    for (const env of ['off', 'OFF', ' 0 ', 'false', 'no']) {
      const result = updatesSwitch({ env, setting: true, packaged: true });
      expect(result.enabled).toBe(false);
      expect(result.note).toContain('administrator');
    }
  });

  it('the variable cannot force updates on against the setting', () => {
    expect(updatesSwitch({ env: 'on', setting: false, packaged: true })).toEqual({ enabled: false, note: null });
    expect(updatesSwitch({ env: undefined, setting: true, packaged: true })).toEqual({ enabled: true, note: null });
  });

  it('a development run never updates', () => {
    expect(updatesSwitch({ env: undefined, setting: true, packaged: false }).enabled).toBe(false);
  });
});
