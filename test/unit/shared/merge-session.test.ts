import { describe, expect, it } from 'vitest';
import { mergeSession } from '@shared/model/merge-session';
import type { Session } from '@shared/model/samples';

const listed: Session = {
  sourceId: 'av',
  id: 'ps1',
  startedAt: 1_000,
  endedAt: 5_000,
  device: 'tablet',
  os: 'iOS 17.2',
  videoType: 'LIVE',
  failed: null,
  failures: [],
  startupTimeMs: null,
  rebufferingMs: null,
  playingMs: null,
  viewerId: null,
  title: 'Main channel',
  country: 'FR',
  participants: null,
  attributes: { browser: 'Safari', referrer: 'https://example.com' },
  events: null,
};

describe('merging what is known of a session', () => {
  it('lets a detail add events and figures without erasing what the list knew', () => {
    const detail: Session = {
      ...listed,
      device: null,
      os: null,
      title: null,
      country: null,
      startupTimeMs: 800,
      attributes: { browser: null, player: 'hls.js' },
      events: [{ at: 1_000, type: 'ready', rawType: 'ready' }] as Session['events'],
    };
    const merged = mergeSession(listed, detail);
    expect(merged).toMatchObject({
      device: 'tablet',
      os: 'iOS 17.2',
      title: 'Main channel',
      country: 'FR',
      startupTimeMs: 800,
    });
    expect(merged.attributes).toEqual({ browser: 'Safari', referrer: 'https://example.com', player: 'hls.js' });
    expect(merged.events).toHaveLength(1);
  });

  it('takes a newer known value over an older one', () => {
    expect(mergeSession(listed, { ...listed, endedAt: 9_000, device: 'phone' })).toMatchObject({
      endedAt: 9_000,
      device: 'phone',
    });
  });

  it('keeps known failures when a later answer lists none', () => {
    const failed: Session = { ...listed, failed: true, failures: [{ kind: 'start', label: 'Video start failure' }] };
    expect(mergeSession(failed, listed)).toMatchObject({ failed: true, failures: failed.failures });
  });

  it('hands back the answer itself when it erases nothing (a re-listed session costs no copy)', () => {
    const again: Session = { ...listed, endedAt: 6_000 };
    expect(mergeSession(listed, again)).toBe(again);
  });
});
