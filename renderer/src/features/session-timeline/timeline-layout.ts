import type { EventType, Session, SessionEvent } from '@shared/model/samples';
import type { ProviderKind } from '@shared/model/source';

/** Where each event goes on the horizontal time line, computed apart from drawing so it can be tested. */
export type Mark =
  | {
      readonly kind: 'bar';
      readonly from: number;
      readonly to: number;
      readonly type: EventType;
      readonly label: string;
      readonly event: number;
    }
  | {
      readonly kind: 'tick';
      readonly at: number;
      readonly type: EventType;
      readonly label: string;
      readonly event: number;
    }
  | {
      readonly kind: 'seek';
      readonly at: number;
      readonly fromS: number | null;
      readonly toS: number | null;
      readonly label: string;
      readonly event: number;
    };

export interface Lane {
  readonly id: string;
  readonly label: string;
  readonly marks: readonly Mark[];
}

export interface TimelineLayout {
  readonly start: number;
  readonly end: number;
  readonly lanes: readonly Lane[];
}

const LANE_OF: Record<EventType, { id: string; label: string }> = {
  ready: { id: 'startup', label: 'Startup' },
  startup: { id: 'startup', label: 'Startup' },
  play: { id: 'playback', label: 'Playback' },
  playing: { id: 'playback', label: 'Playback' },
  pause: { id: 'playback', label: 'Playback' },
  resume: { id: 'playback', label: 'Playback' },
  end: { id: 'playback', label: 'Playback' },
  'track-change': { id: 'playback', label: 'Playback' },
  rebuffering: { id: 'buffering', label: 'Rebuffering' },
  seek: { id: 'seeks', label: 'Seeks' },
  error: { id: 'errors', label: 'Errors' },
  join: { id: 'participants', label: 'Participants' },
  leave: { id: 'participants', label: 'Participants' },
  unknown: { id: 'other', label: 'Other' },
};
const LANE_ORDER = ['startup', 'playback', 'buffering', 'seeks', 'errors', 'other'];

/**
 * NAVER logs an action when it completes: the seed's "playing" entry at
 * 09:50:16 lasted 30,057 ms and followed a startup at 09:49:46. Its bars
 * therefore end at the event's time. Other platforms stamp the start.
 */
export function durationEndsAtEvent(provider: ProviderKind): boolean {
  return provider === 'naver-vpe';
}

export function sortedEvents(session: Session): SessionEvent[] {
  return [...(session.events ?? [])].sort((a, b) => a.at - b.at);
}

export function layoutTimeline(session: Session, provider: ProviderKind): TimelineLayout | null {
  const events = sortedEvents(session);
  if (events.length === 0) return null;
  const lanes = new Map<string, { label: string; marks: Mark[] }>();
  const add = (id: string, label: string, mark: Mark): void => {
    const lane = lanes.get(id) ?? { label, marks: [] };
    lane.marks.push(mark);
    lanes.set(id, lane);
  };
  const endsAt = durationEndsAtEvent(provider);
  const openJoins = new Map<string, number>();
  const lastEventAt = events[events.length - 1]!.at;
  const sessionEnd = Math.max(session.endedAt ?? lastEventAt, lastEventAt);

  events.forEach((event, index) => {
    if (event.type === 'join' || event.type === 'leave') {
      // Zoom: one lane per participant, a bar for each stay from join to leave.
      const who = event.subject ?? 'participant';
      if (event.type === 'join') {
        openJoins.set(who, index);
        return;
      }
      const joinIndex = openJoins.get(who);
      openJoins.delete(who);
      const from = joinIndex === undefined ? (session.startedAt ?? event.at) : events[joinIndex]!.at;
      add(`p:${who}`, who, {
        kind: 'bar',
        from,
        to: event.at,
        type: 'join',
        label: `${who} in session`,
        event: joinIndex ?? index,
      });
      return;
    }
    const lane = LANE_OF[event.type];
    const label = event.rawType || event.type;
    if (event.type === 'seek') {
      add(lane.id, lane.label, { kind: 'seek', at: event.at, fromS: event.fromS, toS: event.toS, label, event: index });
    } else if (event.durationMs !== null && event.durationMs > 0) {
      const from = endsAt ? event.at - event.durationMs : event.at;
      add(lane.id, lane.label, {
        kind: 'bar',
        from,
        to: from + event.durationMs,
        type: event.type,
        label,
        event: index,
      });
    } else {
      add(lane.id, lane.label, { kind: 'tick', at: event.at, type: event.type, label, event: index });
    }
  });
  // Still in the session (no leave yet): the bar runs to the session's end as known.
  for (const [who, joinIndex] of openJoins) {
    const from = events[joinIndex]!.at;
    add(`p:${who}`, who, {
      kind: 'bar',
      from,
      to: Math.max(from, sessionEnd),
      type: 'join',
      label: `${who} in session`,
      event: joinIndex,
    });
  }

  const ordered = [...lanes]
    .map(([id, lane]) => ({ id, ...lane }))
    .sort((a, b) => laneRank(a.id) - laneRank(b.id) || a.label.localeCompare(b.label));
  let start = session.startedAt ?? Infinity;
  let end = session.endedAt ?? -Infinity;
  for (const lane of ordered) {
    for (const mark of lane.marks) {
      const [from, to] = mark.kind === 'bar' ? [mark.from, mark.to] : [mark.at, mark.at];
      start = Math.min(start, from);
      end = Math.max(end, to);
    }
  }
  if (end <= start) end = start + 1_000;
  return { start, end, lanes: ordered };
}

function laneRank(id: string): number {
  const rank = LANE_ORDER.indexOf(id);
  return rank === -1 ? LANE_ORDER.length : rank;
}

/** Where a label would sit, in pixels. */
export interface LabelSpan {
  readonly left: number;
  readonly right: number;
}

/**
 * Which labels to draw on one lane: from left to right, a label only when it
 * stays inside [min, max] and clears the last label drawn by `gap` pixels.
 * Seeks a few seconds apart would otherwise print over each other; the marks
 * stay, their tooltips and the event list below keep every position.
 */
export function labelsThatFit(spans: readonly LabelSpan[], min: number, max: number, gap = 6): boolean[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.left - spans[b]!.left);
  const shown = spans.map(() => false);
  let lastRight = -Infinity;
  for (const i of order) {
    const span = spans[i]!;
    if (span.left < min || span.right > max || span.left < lastRight + gap) continue;
    shown[i] = true;
    lastRight = span.right;
  }
  return shown;
}
