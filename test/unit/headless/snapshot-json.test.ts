import { describe, expect, it } from 'vitest';
import { exitCodeFor, sessionDetailJson, snapshotJson } from '../../../main/headless/snapshot-json';
import type { SessionEvent } from '@shared/model/samples';
import { T0, session, snapshotOf, sourceState } from './fakes';

const event = (at: number, type: SessionEvent['type'], rawType: string): SessionEvent => ({
  at,
  type,
  rawType,
  durationMs: 120,
  positionS: 3,
  fromS: null,
  toS: null,
  subject: null,
  details: { network: 'wifi' },
});

describe('snapshotJson', () => {
  const events = [event(T0, 'startup', 'startup'), event(T0 + 1000, 'playing', 'playing')];
  const held = [
    session('naver', 'older', T0 - 600_000, events),
    session('naver', 'newer', T0),
    session('naver', 'undated', null),
  ];
  const snapshot = snapshotOf(
    [
      sourceState('naver'),
      sourceState('broken', {
        status: 'error',
        error: { kind: 'auth', message: 'NAVER VPE refused the API key.' },
        since: T0,
      }),
    ],
    held,
    [
      {
        sourceId: 'naver',
        points: [
          { at: T0, viewers: 41 },
          { at: T0 - 60_000, viewers: 40 },
        ],
      },
    ],
  );
  const json = snapshotJson(
    snapshot,
    (sourceId, id) => held.find((s) => s.sourceId === sourceId && s.id === id)?.events ?? null,
  );

  it('prints times as ISO 8601 UTC strings', () => {
    expect(json.generatedAt).toBe('2024-05-01T12:00:00.000Z');
    expect(json.viewers).toEqual([
      { sourceId: 'naver', at: '2024-05-01T11:59:00.000Z', viewers: 40 },
      { sourceId: 'naver', at: '2024-05-01T12:00:00.000Z', viewers: 41 },
    ]);
  });

  it('reports each source as ok or error with its sentence', () => {
    expect(json.sources).toEqual([
      { id: 'naver', provider: 'naver-vpe', demo: false, health: 'ok', error: null },
      {
        id: 'broken',
        provider: 'naver-vpe',
        demo: false,
        health: 'error',
        error: { kind: 'auth', message: 'NAVER VPE refused the API key.' },
      },
    ]);
    expect(exitCodeFor(json)).toBe(2);
  });

  it('lists sessions newest first with exactly the documented keys, events where the platform gave them', () => {
    expect(json.sessions.map((s) => s.id)).toEqual(['newer', 'older', 'undated']);
    const older = json.sessions[1]!;
    expect(Object.keys(older)).toEqual([
      'sourceId',
      'id',
      'startedAt',
      'endedAt',
      'device',
      'os',
      'failed',
      'startupTimeMs',
      'rebufferingMs',
      'playingMs',
      'events',
    ]);
    expect(older.events).toEqual([
      { at: '2024-05-01T12:00:00.000Z', type: 'startup', rawType: 'startup' },
      { at: '2024-05-01T12:00:01.000Z', type: 'playing', rawType: 'playing' },
    ]);
    expect(json.sessions[0]!.events).toBeNull();
    expect(json.sessions[2]).toMatchObject({ startedAt: null, endedAt: null });
  });

  it('says "demo": false for real data, and true at the top and on each source the simulators feed', () => {
    expect(json.demo).toBe(false);
    const demoSource = { ...sourceState('demo-naver-vpe'), demo: true };
    const demo = snapshotJson({ ...snapshotOf([demoSource], []), demo: true }, () => null);
    expect(demo.demo).toBe(true);
    expect(demo.sources[0]).toMatchObject({ id: 'demo-naver-vpe', demo: true });
    expect(Object.keys(demo).slice(0, 2)).toEqual(['generatedAt', 'demo']);
  });

  it('exits 0 only when every source answered; a never-polled source counts as failed', () => {
    expect(exitCodeFor(snapshotJson(snapshotOf([sourceState('a')], []), () => null))).toBe(0);
    const silent = snapshotJson(
      snapshotOf([sourceState('a'), sourceState('b', { status: 'unknown' })], []),
      () => null,
    );
    expect(silent.sources[1]).toMatchObject({
      health: 'error',
      error: { message: 'Source b gave no answer during this run.' },
    });
    expect(exitCodeFor(silent)).toBe(2);
  });

  it('survives a JSON round trip unchanged (no undefined, no NaN)', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('sessionDetailJson', () => {
  it('gives every event in full, times as ISO strings', () => {
    const detail = sessionDetailJson(session('naver', 'abc', T0, [event(T0 + 2000, 'seek', 'seeking')]));
    expect(detail).toMatchObject({
      sourceId: 'naver',
      id: 'abc',
      startedAt: '2024-05-01T12:00:00.000Z',
      videoType: 'VOD',
      failures: [],
    });
    expect(detail.events).toEqual([
      {
        at: '2024-05-01T12:00:02.000Z',
        type: 'seek',
        rawType: 'seeking',
        durationMs: 120,
        positionS: 3,
        fromS: null,
        toS: null,
        subject: null,
        details: { network: 'wifi' },
      },
    ]);
  });
});
