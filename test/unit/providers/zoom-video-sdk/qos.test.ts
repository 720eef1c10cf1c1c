import { describe, expect, it } from 'vitest';
import { latestQosDetails, parseMeasure, parseResolution } from '../../../../main/providers/zoom-video-sdk/qos';

describe('Zoom QoS strings', () => {
  it('reads the documented forms', () => {
    expect(parseMeasure('23 kbps', 'kbps')).toEqual({ value: 23, unit: 'kbps' });
    expect(parseMeasure('126 ms', 'ms')).toEqual({ value: 126, unit: 'ms' });
    expect(parseMeasure('0.3%', '%')).toEqual({ value: 0.3, unit: '%' });
    expect(parseMeasure('12 fps', 'fps')).toEqual({ value: 12, unit: 'fps' });
    expect(parseResolution('1280*720')).toEqual({ width: 1280, height: 720 });
  });

  it('converts other units and spellings to one unit per dimension', () => {
    expect(parseMeasure('1.2 Mbps', 'kbps')?.value).toBe(1200);
    expect(parseMeasure('2500 bps', 'kbps')?.value).toBe(2.5);
    expect(parseMeasure('23KBPS', 'kbps')?.value).toBe(23);
    expect(parseMeasure('23 kb/s', 'kbps')?.value).toBe(23);
    expect(parseMeasure('0.2 s', 'ms')?.value).toBe(200);
    expect(parseMeasure('0.3 %', '%')?.value).toBe(0.3);
    expect(parseMeasure('0,3%', '%')?.value).toBe(0.3);
    expect(parseMeasure('1,234 kbps', 'kbps')?.value).toBe(1234);
    expect(parseMeasure('25', 'fps')?.value).toBe(25);
    expect(parseMeasure(42, 'ms')?.value).toBe(42);
    expect(parseResolution('640 x 360')).toEqual({ width: 640, height: 360 });
    expect(parseResolution('1920×1080')).toEqual({ width: 1920, height: 1080 });
  });

  it('gives null for empty, missing, unknown or mismatched values rather than a guess', () => {
    for (const raw of [
      '',
      '   ',
      '-',
      'N/A',
      null,
      undefined,
      {},
      'fast',
      '12 furlongs',
      '-5 ms',
      '1.2.3 kbps',
      Number.NaN,
    ]) {
      expect(parseMeasure(raw, 'kbps')).toBeNull();
    }
    expect(parseMeasure('126 ms', 'kbps')).toBeNull();
    expect(parseMeasure('23 kbps', '%')).toBeNull();
    for (const raw of ['', '0*0', '1280', '1280*', 'hd', null]) expect(parseResolution(raw)).toBeNull();
  });

  it('takes the newest sample and leaves out fields Zoom did not send', () => {
    const details = latestQosDetails([
      { date_time: '2021-12-07T05:44:00Z', video_input: { bitrate: '900 kbps' } },
      { date_time: '2021-12-07T05:42:00Z', video_input: { bitrate: '100 kbps', latency: '80 ms' } },
    ]);
    expect(details).toEqual({ video_input_bitrate_kbps: 900 });
    expect(latestQosDetails([])).toEqual({});
  });
});
