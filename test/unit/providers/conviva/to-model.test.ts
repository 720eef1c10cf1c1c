import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../../../main/providers/http';
import {
  ConcurrentPlaysBodySchema,
  RawSessionSchema,
  SessionsBodySchema,
} from '../../../../main/providers/conviva/schema';
import { toBreakdown, toSession, toViewerPoints } from '../../../../main/providers/conviva/to-model';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/conviva/${name}`, import.meta.url), 'utf8'));

function sessionsOf(name: string) {
  const parsed = parseWith('Conviva', SessionsBodySchema, fixture(name));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.sessions.map((raw) => toSession('cv', raw));
}

describe('Conviva sessions mapping', () => {
  const sessions = sessionsOf('sessions-nested.json');
  const byId = (id: string) => sessions.find((s) => s.id === id)!;

  it('maps times, device and OS, asset, viewer id and QoE numbers', () => {
    expect(byId('290272180013')).toMatchObject({
      startedAt: 1741632836584,
      endedAt: 1741633082443, // sent as a string
      device: 'iPad',
      os: 'iPadOS',
      title: 'Night Drive',
      videoType: 'vod',
      viewerId: 'viewer-107',
      country: 'GB',
      startupTimeMs: 1438,
      playingMs: 244421,
      rebufferingMs: 0,
      failed: false,
      failures: [],
      events: null,
    });
    expect(byId('290272180013').attributes).toMatchObject({
      averageBitrateKbps: 6782,
      cdn: 'CloudFront',
      hardwareType: 'Tablet',
    });
  });

  it('keeps the three failure kinds and their business/technical split apart', () => {
    expect(byId('290272180014').failures).toEqual([
      { kind: 'video-start-failure-tech', label: 'Video start failure (technical)' },
    ]);
    expect(byId('290272180015').failures).toEqual([
      { kind: 'video-playback-failure-business', label: 'Video playback failure (business)' },
    ]);
    expect(byId('290272180016').failures).toEqual([
      { kind: 'exit-before-video-start', label: 'Exit before video start' },
    ]);
    for (const id of ['290272180014', '290272180015', '290272180016']) expect(byId(id).failed).toBe(true);
  });

  it('reads flags and numbers sent as strings', () => {
    const playback = byId('290272180015');
    expect(playback).toMatchObject({ playingMs: 2_900_000, videoType: 'live', failed: true });
    expect(playback.attributes).toMatchObject({ averageBitrateKbps: 3500, rebufferingRatioPercent: 4.92 });
  });

  it('ignores unknown fields, and custom tags never pass for dimensions', () => {
    const session = byId('290272180016') as unknown as Record<string, unknown>;
    expect(session).not.toHaveProperty('cirr_interrupt_count');
    expect(byId('290272180016').attributes).not.toHaveProperty('cdn');
    expect(byId('290272180013').attributes.cdn).toBe('CloudFront');
  });

  it('accepts a bare array, ISO dates, epoch seconds, percentages and kbps (units decided in one place)', () => {
    const [first, bare] = sessionsOf('sessions-flat-edge.json');
    expect(first).toMatchObject({
      id: '12345',
      startedAt: Date.parse('2025-03-10T19:00:00Z'),
      endedAt: 1741633200 * 1000,
      title: 'Cooking Basics',
      startupTimeMs: 2100,
      failures: [{ kind: 'video-start-failure', label: 'Video start failure' }],
    });
    expect(first!.attributes).toMatchObject({ rebufferingRatioPercent: 3.5, averageBitrateKbps: 4500 });
    // No flag at all: Conviva said nothing about failure, which is not "did not fail".
    expect(bare).toMatchObject({ id: 'no-flags', failed: null, startedAt: null, endedAt: null, device: null });
  });

  it('skips a session it cannot read and names its first bad field', () => {
    const parsed = parseWith('Conviva', SessionsBodySchema, fixture('sessions-malformed.json'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.skipped.count).toBeGreaterThan(0);
    expect(parsed.value.skipped.first).toMatch(/^sessions\[1\]\.playing_time: .*"about a minute"/);
  });

  it('skips a session without an id, reads {} as no sessions, and refuses sessions that are not a list', () => {
    const noId = parseWith('Conviva', SessionsBodySchema, { sessions: [{ start_time: 1 }] });
    expect(noId).toMatchObject({ ok: true, value: { sessions: [], skipped: { count: 1 } } });
    expect(parseWith('Conviva', SessionsBodySchema, {})).toMatchObject({ ok: true, value: { sessions: [] } });
    expect(parseWith('Conviva', SessionsBodySchema, { sessions: { session_id: 's' } })).toMatchObject({ ok: false });
  });
});

describe('Conviva real-time mapping', () => {
  it('reads concurrent_plays.count under time_series[].timestamp.epoch_ms and skips an unfilled point', () => {
    const body = parseWith('Conviva', ConcurrentPlaysBodySchema, fixture('concurrent-plays.json'));
    expect(body.ok && toViewerPoints(body.value)).toEqual([
      { at: 1741636680000, viewers: 1180 },
      { at: 1741636740000, viewers: 1212 },
      { at: 1741636800000, viewers: 1234 },
    ]);
  });

  it('takes the newest grouped point as the breakdown, largest first', () => {
    const body = parseWith('Conviva', ConcurrentPlaysBodySchema, fixture('concurrent-plays-group-by-device.json'));
    expect(body.ok && toBreakdown(body.value, 'device')).toEqual({
      dimension: 'device',
      at: 1741636800000,
      rows: [
        { value: 'Mobile', count: 520 },
        { value: 'Smart TV', count: 404 },
        { value: 'Desktop', count: 310 },
      ],
    });
  });
});

describe('Conviva session sections', () => {
  it('reads a field from the top level first, then from the first section that has it; tag maps are not sections', () => {
    const flat = RawSessionSchema.parse({ session_id: 's1', cdn: 'Akamai', custom_tags: { cdn: 'not the CDN' } });
    expect(flat).toMatchObject({ session_id: 's1', cdn: 'Akamai' });
    const tagsOnly = RawSessionSchema.parse({ session_id: 's1', session_tags: { cdn: 'not the CDN' } });
    expect(tagsOnly.cdn).toBeNull();
    const sectioned = RawSessionSchema.parse({
      session_id: 's2',
      cdn: 'Fastly',
      device_info: { device_os: 'iOS', cdn: 'ignored' },
      more_info: { device_os: 'Android', device_model: 'Pixel' },
    });
    expect(sectioned).toMatchObject({ session_id: 's2', cdn: 'Fastly', device_os: 'iOS', device_model: 'Pixel' });
  });
});

describe('Conviva session fields', () => {
  it('names the session and the field of a value it cannot read, and reads loose values', () => {
    const body = {
      sessions: [
        { session_id: 7, start_time: '1741632836584', is_live: 'FALSE', playing_time: '12.5', extra: { x: 1 } },
        { session_id: 's2', start_time: { at: 1 } },
      ],
    };
    const parsed = parseWith('Conviva', SessionsBodySchema, body);
    expect(parsed.ok && parsed.value.sessions).toHaveLength(1);
    expect(parsed.ok && parsed.value.skipped.first).toMatch(/^sessions\[1\]\.start_time: expected a timestamp/);
    const good = parseWith('Conviva', SessionsBodySchema, { sessions: [body.sessions[0]] });
    expect(good.ok && good.value.sessions[0]).toMatchObject({
      session_id: '7',
      start_time: 1741632836584,
      is_live: false,
      playing_time: 12.5,
      cdn: null,
    });
    expect(good.ok && 'extra' in good.value.sessions[0]!).toBe(false);
  });

  it('skips a session without an id', () => {
    const parsed = parseWith('Conviva', SessionsBodySchema, { sessions: [{ cdn: 'Akamai' }] });
    expect(parsed.ok && parsed.value.skipped.first).toMatch(/^sessions\[0\]\.session_id: a session needs an id/);
  });
});
