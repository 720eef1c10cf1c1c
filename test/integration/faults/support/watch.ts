import type { WritableStateHub } from '../../../../main/engine/state-hub';
import type { Health } from '@shared/model/state';

export interface HealthChange {
  readonly at: number;
  readonly health: Health;
}

export interface Watch {
  /** The driver calls this after every step of fake time. */
  step(now: number): void;
  health(sourceId: string): Health;
  /** Every health a source went through, from the hub's patches. */
  history(sourceId: string): readonly HealthChange[];
  /** The oldest "last updated" a user could have seen for this source since `resetAges()`. */
  worstAge(sourceId: string): number;
  resetAges(): void;
  /** How many times the app went offline (the one notice for everything unreachable). */
  offlineNotices(): number;
}

/** What a person would see of each source, followed through the hub's patches and sampled at every step. */
export function createWatch(hub: WritableStateHub, sourceIds: readonly string[]): Watch {
  const histories = new Map<string, HealthChange[]>();
  const ages = new Map<string, number>();
  let offline = false;
  let notices = 0;

  hub.subscribe((patch) => {
    for (const op of patch.ops) {
      if (op.op === 'flags') {
        if (op.offline && !offline) notices += 1;
        offline = op.offline;
      }
      if (op.op !== 'source') continue;
      const list = histories.get(op.source.id) ?? [];
      const last = list.at(-1)?.health;
      if (last === undefined || JSON.stringify(last) !== JSON.stringify(op.source.health))
        list.push({ at: patch.at, health: op.source.health });
      histories.set(op.source.id, list);
    }
  });

  return {
    step(at) {
      for (const id of sourceIds) {
        const lastOkAt = hub.source(id)?.lastOkAt ?? null;
        if (lastOkAt !== null) ages.set(id, Math.max(ages.get(id) ?? 0, at - lastOkAt));
      }
    },
    health: (sourceId) => hub.source(sourceId)?.health ?? { status: 'unknown' },
    history: (sourceId) => histories.get(sourceId) ?? [],
    worstAge: (sourceId) => ages.get(sourceId) ?? Infinity,
    resetAges: () => ages.clear(),
    offlineNotices: () => notices,
  };
}
