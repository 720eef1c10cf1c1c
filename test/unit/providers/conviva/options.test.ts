import { describe, expect, it } from 'vitest';
import { convivaProvider } from '../../../../main/providers/conviva';
import { ConvivaOptionsSchema, sessionFilterParams } from '../../../../main/providers/conviva/options';
import { bitrateKbps, durationMs, epochMs, ratioFraction } from '../../../../main/providers/conviva/units';

describe('Conviva options', () => {
  it('defaults: PT1M, device breakdown, sessions on, limit 1500, no filters', () => {
    expect(ConvivaOptionsSchema.parse({})).toEqual({
      granularity: 'PT1M',
      breakdownDimension: 'device',
      fetchSessions: true,
      limit: 1500,
      failureFilters: {},
      dimensionFilters: {},
      tagFilters: {},
    });
  });

  it('accepts filters as form lines or objects and builds the query from them', () => {
    const options = ConvivaOptionsSchema.parse({
      failureFilters: ['is_exit_before_video_start=false', 'is_video_start_failure_business=true'],
      dimensionFilters: ['device_os=Android'],
      tagFilters: { tag_league: 'cup', show: 'news' },
    });
    expect(sessionFilterParams(options)).toEqual({
      is_exit_before_video_start: 'false',
      is_video_start_failure_business: 'true',
      device_os: 'Android',
      tag_league: 'cup',
      tag_show: 'news',
    });
  });

  it('refuses what Conviva would refuse, before any request', () => {
    expect(ConvivaOptionsSchema.safeParse({ limit: 1501 }).success).toBe(false);
    expect(ConvivaOptionsSchema.safeParse({ granularity: 'PT5M' }).success).toBe(false);
    expect(ConvivaOptionsSchema.safeParse({ failureFilters: ['is_video_failure=true'] }).success).toBe(false);
    expect(ConvivaOptionsSchema.safeParse({ dimensionFilters: { limit: '5' } }).success).toBe(false);
    expect(ConvivaOptionsSchema.safeParse({ dimensionFilters: { tag_x: 'y' } }).success).toBe(false);
  });

  it('describes the platform: base URL, metric, secret fields', () => {
    expect(convivaProvider).toMatchObject({
      kind: 'conviva',
      defaultBaseUrl: 'https://api.conviva.com/insights/3.0',
      metric: { label: 'Conviva concurrent plays', unit: 'concurrent plays' },
      secretFields: ['clientId', 'clientSecret'],
    });
    expect(convivaProvider.fields.filter((f) => f.secret).map((f) => f.key)).toEqual(['clientId', 'clientSecret']);
  });
});

describe('Conviva units', () => {
  it('tells epoch seconds from milliseconds by magnitude', () => {
    expect(epochMs(1741633200)).toBe(1741633200000);
    expect(epochMs(1741633200123)).toBe(1741633200123);
    expect(epochMs(null)).toBeNull();
  });

  it('converts durations, bitrates and ratios as the assumed units say', () => {
    expect(durationMs(2.5, 's')).toBe(2500);
    expect(durationMs(2500, 'ms')).toBe(2500);
    expect(bitrateKbps(3_500_000, 'bps')).toBe(3500);
    expect(bitrateKbps(3500, 'bps')).toBe(3500); // already kbps: no video plays at 3.5 kbit/s
    expect(ratioFraction(0.02, 'fraction')).toBe(0.02);
    expect(ratioFraction(2, 'fraction')).toBe(0.02); // above 1: a percentage
    expect(ratioFraction(2, 'percent')).toBe(0.02);
  });
});
