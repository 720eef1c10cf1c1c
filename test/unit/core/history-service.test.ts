import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '@shared/model/alerts';
import { DEFAULT_RETENTION } from '@shared/model/history';
import {
  createHistoryService,
  DEMO_HISTORY_FILE,
  migrateIncidentFile,
  type HistoryService,
} from '../../../main/core/history-service';
import { createStateHub, type SourceInfo } from '../../../main/engine/state-hub';
import { installFakeClock, type FakeClock } from '../../support/fake-clock';

const MIN = 60_000;
const info = (id: string, demo: boolean): SourceInfo => ({
  id,
  name: `Source ${id}`,
  provider: 'naver-vpe',
  providerLabel: 'NAVER VPE',
  metric: { label: 'Current viewers', unit: 'viewers', definition: 'Viewers in the last minute.' },
  demo,
  intervalMs: MIN,
});

const incident = (id: string, sourceId: string, startedAt: number): Incident => ({
  id,
  key: `viewers-zero:${sourceId}`,
  ruleId: 'viewers-zero',
  sourceId,
  sourceName: `Source ${sourceId}`,
  severity: 'warning',
  state: 'firing',
  startedAt,
  endedAt: null,
  values: {},
  message: 'Viewers at zero',
  acknowledged: false,
  snoozedUntil: null,
});

let clock: FakeClock;
let dir: string;
const services: HistoryService[] = [];
afterEach(() => {
  for (const service of services.splice(0)) service.stop();
  clock?.uninstall();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A service on the folder, with a hub holding one real and one demo source, as a (re)started app has. */
function start(): HistoryService {
  const hub = createStateHub({ now: () => clock.now() });
  hub.registerSource(info('real', false));
  hub.registerSource(info('demo-naver-vpe', true));
  const service = createHistoryService({ hub, clock, dir, retention: () => DEFAULT_RETENTION });
  services.push(service);
  return service;
}

describe('history service', () => {
  it("lists a real source's and a demo source's incidents again after a restart, each from its own file", () => {
    clock = installFakeClock();
    dir = mkdtempSync(join(tmpdir(), 'sw-history-service-'));
    const first = start();
    first.incidents.record(incident('i-real', 'real', clock.now() - 2 * MIN));
    first.incidents.record(incident('i-demo', 'demo-naver-vpe', clock.now() - MIN));
    first.flush();
    first.stop();
    services.length = 0;
    expect(existsSync(join(dir, DEMO_HISTORY_FILE))).toBe(true);

    const second = start();
    expect(second.incidents.list().map((i) => i.id)).toEqual(['i-demo', 'i-real']);
    expect(second.incidents.stillFiring()).toHaveLength(2);
  });

  it('moves the old JSON-lines alert history into the file once, and keeps the old file renamed', () => {
    clock = installFakeClock();
    dir = mkdtempSync(join(tmpdir(), 'sw-history-service-'));
    const old = join(dir, 'incidents.jsonl');
    const lines = [incident('a', 'real', 1_000), { ...incident('b', 'real', 2_000), state: 'resolved' }];
    writeFileSync(old, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    const first = start();
    migrateIncidentFile(old, first);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(`${old}.migrated`)).toBe(true);
    first.stop();
    services.length = 0;

    const second = start();
    expect(second.incidents.list().map((i) => [i.id, i.state])).toEqual([
      ['b', 'resolved'],
      ['a', 'firing'],
    ]);
    // Nothing to move the second time.
    migrateIncidentFile(old, second);
    expect(second.incidents.list()).toHaveLength(2);
  });
});
