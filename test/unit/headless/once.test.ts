import { describe, expect, it } from 'vitest';
import { runOnce, runSession } from '../../../main/headless/once';
import type { SessionEvent } from '@shared/model/samples';
import { T0, fakeEngine, fakeHub, session, snapshotOf, sourceState } from './fakes';

const started: SessionEvent = {
  at: T0,
  type: 'startup',
  rawType: 'startup',
  durationMs: null,
  positionS: null,
  fromS: null,
  toS: null,
  subject: null,
  details: {},
};

describe('runOnce', () => {
  it('polls once, prints the snapshot with held events, exits 0 when all answered', async () => {
    const held = [session('a', 's1', T0, [started])];
    const engine = fakeEngine(fakeHub(snapshotOf([sourceState('a')], held), held));
    const printed: unknown[] = [];
    expect(await runOnce(engine, (json) => printed.push(json))).toBe(0);
    expect(engine.calls).toEqual(['pollOnce']);
    expect(printed).toMatchObject([
      { sessions: [{ id: 's1', events: [{ type: 'startup', at: '2024-05-01T12:00:00.000Z' }] }] },
    ]);
  });

  it('still prints, and exits 2, when a source failed', async () => {
    const failing = sourceState('b', {
      status: 'error',
      error: { kind: 'network', message: 'Could not reach x.' },
      since: T0,
    });
    const printed: unknown[] = [];
    expect(
      await runOnce(fakeEngine(fakeHub(snapshotOf([sourceState('a'), failing], []))), (json) => printed.push(json)),
    ).toBe(2);
    expect(printed).toHaveLength(1);
  });
});

describe('runSession', () => {
  it('prints a held session without polling', async () => {
    const held = [session('a', 's1', T0, [started])];
    const engine = fakeEngine(fakeHub(snapshotOf([sourceState('a')], held), held));
    const printed: unknown[] = [];
    expect(await runSession(engine, 'a', 's1', (json) => printed.push(json))).toBe(0);
    expect(engine.calls).toEqual([]);
    expect(printed).toMatchObject([{ id: 's1', events: [{ rawType: 'startup', durationMs: null }] }]);
  });

  it('polls once and asks again before giving up with exit 2', async () => {
    const engine = fakeEngine(fakeHub(snapshotOf([sourceState('a')], [])));
    expect(await runSession(engine, 'a', 'missing', () => expect.fail('nothing to print'))).toBe(2);
    expect(engine.calls).toEqual(['pollOnce']);
  });
});
