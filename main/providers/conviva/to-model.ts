import type { Breakdown, Session, ViewerPoint } from '@shared/model/samples';
import type { ConcurrentPlaysBody, RawSession } from './schema';
import { ASSUMED_UNITS, bitrateKbps, durationMs, epochMs, ratioFraction } from './units';

/** Conviva's three failure kinds, each with its business/technical split, kept apart. */
export const FAILURE_LABELS = {
  'video-start-failure': 'Video start failure',
  'video-start-failure-business': 'Video start failure (business)',
  'video-start-failure-tech': 'Video start failure (technical)',
  'video-playback-failure': 'Video playback failure',
  'video-playback-failure-business': 'Video playback failure (business)',
  'video-playback-failure-tech': 'Video playback failure (technical)',
  'exit-before-video-start': 'Exit before video start',
} as const;
export type ConvivaFailureKind = keyof typeof FAILURE_LABELS;

export function toViewerPoints(body: ConcurrentPlaysBody): ViewerPoint[] {
  const points: ViewerPoint[] = [];
  for (const point of body.time_series) {
    const at = epochMs(point.timestamp.epoch_ms);
    const viewers = point.concurrent_plays?.count ?? null;
    // The newest interval may not be filled in yet: skip it rather than show a false zero.
    if (at !== null && viewers !== null) points.push({ at, viewers });
  }
  return points.sort((a, b) => a.at - b.at);
}

/** The newest point that carries rows, largest first; null when the series has none. */
export function toBreakdown(body: ConcurrentPlaysBody, dimension: string): Breakdown | null {
  const withRows = body.time_series
    .map((point) => ({ at: epochMs(point.timestamp.epoch_ms), rows: point.dimensional_data ?? [] }))
    .filter((point): point is { at: number; rows: typeof point.rows } => point.at !== null && point.rows.length > 0)
    .sort((a, b) => b.at - a.at);
  const newest = withRows[0];
  if (!newest) return null;
  const rows = newest.rows
    .map((row) => ({ value: row.dimension.value ?? '(unknown)', count: row.metrics.concurrent_plays?.count ?? null }))
    .filter((row): row is { value: string; count: number } => row.count !== null)
    .sort((a, b) => b.count - a.count);
  return { dimension, at: newest.at, rows };
}

export function toSession(sourceId: string, raw: RawSession): Session {
  const failures = failuresOf(raw);
  const ratio = ratioFraction(raw.rebuffering_ratio, ASSUMED_UNITS.rebufferingRatio);
  return {
    sourceId,
    id: raw.session_id,
    startedAt: epochMs(raw.start_time),
    endedAt: epochMs(raw.end_time),
    device: raw.device_model ?? raw.device_hardware_type,
    // The version stays an attribute, so sessions group by OS name across platforms.
    os: raw.device_os,
    videoType: raw.is_live === null ? null : raw.is_live ? 'live' : 'vod',
    failed: failures === null ? null : failures.length > 0,
    failures: (failures ?? []).map((kind) => ({ kind, label: FAILURE_LABELS[kind] })),
    startupTimeMs: durationMs(raw.video_start_time, ASSUMED_UNITS.videoStartTime),
    rebufferingMs: durationMs(raw.rebuffering_time, ASSUMED_UNITS.rebufferingTime),
    playingMs: durationMs(raw.playing_time, ASSUMED_UNITS.playingTime),
    // Present only for accounts with the Viewer Module API permission (seed 003).
    viewerId: raw.viewer_id,
    title: raw.asset_name,
    country: raw.country,
    participants: null,
    attributes: compact({
      osVersion: raw.device_os_version,
      hardwareType: raw.device_model ? raw.device_hardware_type : null,
      browser: raw.browser_name,
      cdn: raw.cdn,
      clientId: raw.client_id,
      averageBitrateKbps: bitrateKbps(raw.average_bitrate, ASSUMED_UNITS.averageBitrate),
      rebufferingRatioPercent: ratio === null ? null : Math.round(ratio * 10_000) / 100,
    }),
    // Conviva publishes no per-session timeline.
    events: null,
  };
}

/**
 * The failure kinds of a session, or null when it carries no flag at all.
 * A split flag names the failure precisely; the umbrella flag alone is kept
 * as the unsplit kind, so no failure is counted twice or lost.
 */
export function failuresOf(raw: RawSession): ConvivaFailureKind[] | null {
  const flags = [
    raw.is_video_start_failure,
    raw.is_video_start_failure_business,
    raw.is_video_start_failure_tech,
    raw.is_video_playback_failure,
    raw.is_video_playback_failure_business,
    raw.is_video_playback_failure_tech,
    raw.is_exit_before_video_start,
  ];
  if (flags.every((flag) => flag === null)) return null;
  const kinds: ConvivaFailureKind[] = [
    ...split(
      'video-start-failure',
      raw.is_video_start_failure,
      raw.is_video_start_failure_business,
      raw.is_video_start_failure_tech,
    ),
    ...split(
      'video-playback-failure',
      raw.is_video_playback_failure,
      raw.is_video_playback_failure_business,
      raw.is_video_playback_failure_tech,
    ),
  ];
  if (raw.is_exit_before_video_start) kinds.push('exit-before-video-start');
  return kinds;
}

function split<K extends 'video-start-failure' | 'video-playback-failure'>(
  kind: K,
  any: boolean | null,
  business: boolean | null,
  tech: boolean | null,
): ConvivaFailureKind[] {
  const kinds: ConvivaFailureKind[] = [];
  if (business) kinds.push(`${kind}-business`);
  if (tech) kinds.push(`${kind}-tech`);
  if (any && kinds.length === 0) kinds.push(kind);
  return kinds;
}

function compact(values: Record<string, string | number | null>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key in values) {
    const value = values[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}
