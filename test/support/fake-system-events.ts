import type { SystemEvent, SystemEvents } from '../../main/engine/types';

export interface FakeSystemEvents extends SystemEvents {
  emit(event: SystemEvent): void;
  listenerCount(): number;
}

export function createFakeSystemEvents(): FakeSystemEvents {
  const listeners = new Set<(event: SystemEvent) => void>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of [...listeners]) listener(event);
    },
    listenerCount: () => listeners.size,
  };
}
