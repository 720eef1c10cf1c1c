/**
 * Zoom reports QoS as strings with units ("23 kbps", "126 ms", "0.3%",
 * "1280*720", "12 fps"), sometimes empty, sometimes in another unit than the
 * documented one. Everything here turns them into numbers in one unit per
 * dimension, or null when the value is missing or cannot be read with
 * confidence: a wrong number on screen is worse than a dash.
 */

export type QosUnit = 'kbps' | 'ms' | '%' | 'fps';

export interface Measure {
  readonly value: number;
  readonly unit: QosUnit;
}

export interface Resolution {
  readonly width: number;
  readonly height: number;
}

/** Unit spellings (lower case) → the dimension and the factor to our unit. */
const UNITS: Readonly<Record<string, readonly [QosUnit, number]>> = {
  bps: ['kbps', 0.001],
  'b/s': ['kbps', 0.001],
  'bit/s': ['kbps', 0.001],
  kbps: ['kbps', 1],
  'kb/s': ['kbps', 1],
  'kbit/s': ['kbps', 1],
  mbps: ['kbps', 1000],
  'mb/s': ['kbps', 1000],
  'mbit/s': ['kbps', 1000],
  gbps: ['kbps', 1_000_000],
  us: ['ms', 0.001],
  µs: ['ms', 0.001],
  ms: ['ms', 1],
  msec: ['ms', 1],
  millisecond: ['ms', 1],
  milliseconds: ['ms', 1],
  s: ['ms', 1000],
  sec: ['ms', 1000],
  second: ['ms', 1000],
  seconds: ['ms', 1000],
  '%': ['%', 1],
  pct: ['%', 1],
  percent: ['%', 1],
  fps: ['fps', 1],
  'frames/s': ['fps', 1],
  'f/s': ['fps', 1],
};

const EMPTY = new Set(['', '-', '--', 'n/a', 'na', 'null', 'none', 'unknown']);

/**
 * Reads a value expected in `expected`'s dimension. A bare number takes the
 * expected unit; a unit of another dimension (ms where kbps was expected) or an
 * unknown one gives null rather than a guess.
 */
export function parseMeasure(raw: unknown, expected: QosUnit): Measure | null {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? { value: raw, unit: expected } : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (EMPTY.has(text.toLowerCase())) return null;
  const match = /^(\d+(?:[.,]\d+)*)\s*([^\d\s]*)$/.exec(text);
  if (!match) return null;
  const number = toNumber(match[1] ?? '');
  const unitText = (match[2] ?? '').toLowerCase();
  if (number === null) return null;
  if (unitText === '') return { value: number, unit: expected };
  const unit = UNITS[unitText];
  if (!unit || unit[0] !== expected) return null;
  return { value: round(number * unit[1]), unit: expected };
}

/** "1280*720", "1280x720", "1280 × 720"; "0*0" (no video) and anything else → null. */
export function parseResolution(raw: unknown): Resolution | null {
  if (typeof raw !== 'string') return null;
  const match = /^(\d+)\s*[*xX×]\s*(\d+)$/.exec(raw.trim());
  if (!match) return null;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** "1,234.5" (thousands) and "0,3" (decimal comma) both happen; a comma before exactly three digits is thousands. */
function toNumber(text: string): number | null {
  let normal = text;
  if (/^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(text)) normal = text.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(text)) normal = text.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export type Detail = string | number | boolean | null;

/** A QoS sample as this module needs it: one object of unit strings per direction. */
export interface QosSampleLike {
  readonly date_time?: string | null;
  readonly [direction: string]: unknown;
}

/** The directions and fields worth a line in a user's details: video both ways, audio both ways. */
const SHOWN: ReadonlyArray<readonly [direction: string, fields: readonly string[]]> = [
  ['video_input', ['bitrate', 'latency', 'avg_loss', 'resolution', 'frame_rate']],
  ['video_output', ['bitrate', 'latency', 'avg_loss', 'resolution', 'frame_rate']],
  ['audio_input', ['bitrate', 'latency', 'avg_loss']],
  ['audio_output', ['bitrate', 'latency', 'avg_loss']],
];

const FIELD_UNITS: Readonly<Record<string, readonly [QosUnit, string]>> = {
  bitrate: ['kbps', 'bitrate_kbps'],
  latency: ['ms', 'latency_ms'],
  jitter: ['ms', 'jitter_ms'],
  avg_loss: ['%', 'avg_loss_pct'],
  max_loss: ['%', 'max_loss_pct'],
  frame_rate: ['fps', 'frame_rate_fps'],
};

/**
 * The newest sample of a user's QoS as flat details ("video_input_bitrate_kbps":
 * 23). Fields Zoom sent but we could not read are null; fields it did not send
 * are left out.
 */
export function latestQosDetails(samples: readonly QosSampleLike[]): Record<string, Detail> {
  const latest = newest(samples);
  const details: Record<string, Detail> = {};
  if (!latest) return details;
  for (const [direction, fields] of SHOWN) {
    const values = latest[direction];
    if (typeof values !== 'object' || values === null) continue;
    for (const field of fields) {
      if (!(field in values)) continue;
      const raw = (values as Record<string, unknown>)[field];
      if (field === 'resolution') {
        const size = parseResolution(raw);
        details[`${direction}_resolution`] = size ? `${size.width}x${size.height}` : null;
        continue;
      }
      const spec = FIELD_UNITS[field];
      if (spec) details[`${direction}_${spec[1]}`] = parseMeasure(raw, spec[0])?.value ?? null;
    }
  }
  return details;
}

function newest(samples: readonly QosSampleLike[]): QosSampleLike | undefined {
  let best: QosSampleLike | undefined;
  let bestAt = Number.NEGATIVE_INFINITY;
  for (const sample of samples) {
    const at = sample.date_time ? Date.parse(sample.date_time) : Number.NaN;
    // Undated samples count as newer than none, so the last one wins among equals.
    const key = Number.isNaN(at) ? bestAt : at;
    if (key >= bestAt) {
      best = sample;
      bestAt = key;
    }
  }
  return best;
}
