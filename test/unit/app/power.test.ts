import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { powerEvents } from '../../../main/app/power';
import type { SystemEvent } from '../../../main/engine/types';

describe('powerEvents', () => {
  it('forwards suspend, resume, lock and unlock, and stops on unsubscribe', () => {
    const monitor = new EventEmitter();
    const seen: SystemEvent[] = [];
    const off = powerEvents(monitor as never).on((event) => seen.push(event));
    for (const name of ['suspend', 'resume', 'lock-screen', 'unlock-screen', 'on-battery']) monitor.emit(name);
    expect(seen).toEqual(['suspend', 'resume', 'lock-screen', 'unlock-screen']);
    off();
    monitor.emit('suspend');
    expect(seen).toHaveLength(4);
    expect(monitor.eventNames()).toEqual([]);
  });
});
