import { useRef } from 'react';
import { useElementWidth } from '../../components/use-element-width';
import { formatClock, formatDuration, formatPosition } from '../../components/format';
import { labelsThatFit, legendEntries, type LabelSpan, type Mark, type TimelineLayout } from './timeline-layout';

interface Props {
  readonly layout: TimelineLayout;
}

const FALLBACK_WIDTH = 640;
const LABEL_W = 120;
const RIGHT_PAD = 20;
const LANE_H = 28;
const TOP = 6;
const AXIS_H = 24;
const SEEK_ARROW = 22;
/** About one character of the 11 px, semi-bold label font; generous, so labels never touch. */
const CHAR_W = 7;

/** The session's events on one horizontal time line, one lane per kind of event (or per Zoom participant). */
export function TimelineChart({ layout }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const width = Math.max(360, useElementWidth(boxRef, FALLBACK_WIDTH));
  const trackWidth = width - LABEL_W - RIGHT_PAD;
  const span = Math.max(1, layout.end - layout.start);
  const x = (at: number) => LABEL_W + ((at - layout.start) / span) * trackWidth;
  const height = TOP + layout.lanes.length * LANE_H + AXIS_H;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => layout.start + f * span);
  const summary = `Time line from ${formatClock(layout.start)} over ${formatDuration(span)}: ${layout.lanes.map((l) => `${l.label} (${l.marks.length})`).join(', ')}`;

  return (
    <div ref={boxRef} className="timeline-box">
      <svg
        className="timeline"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={summary}
      >
        <defs>
          <marker
            id="seek-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="seek-head" />
          </marker>
        </defs>
        {ticks.map((at, i) => (
          <g key={i} className="axis">
            <line x1={x(at)} x2={x(at)} y1={TOP} y2={height - AXIS_H + 4} />
            <text x={x(at)} y={height - 6} textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}>
              {i === 0 ? formatClock(at) : `+${formatPosition((at - layout.start) / 1000)}`}
            </text>
          </g>
        ))}
        {layout.lanes.map((lane, laneIndex) => {
          const y = TOP + laneIndex * LANE_H;
          const labelled = labelsThatFit(
            lane.marks.map((mark) => seekLabelSpan(mark, x)),
            LABEL_W,
            width,
            6,
            lane.marks.map((mark) => seekMarkSpan(mark, x)),
          );
          return (
            <g key={lane.id} className="lane">
              <rect className="lane-bg" x={LABEL_W} y={y + 2} width={trackWidth} height={LANE_H - 4} />
              <text className="lane-label" x={LABEL_W - 8} y={y + LANE_H / 2 + 4} textAnchor="end">
                {lane.label.length > 16 ? `${lane.label.slice(0, 15)}…` : lane.label}
              </text>
              {lane.marks.map((mark, i) => (
                <MarkShape key={i} mark={mark} x={x} y={y} labelled={labelled[i]!} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className="timeline-legend" aria-label="Time line colours">
        {legendEntries(layout).map((entry) => (
          <li key={entry.text}>
            <svg width="10" height="10" aria-hidden="true">
              <rect className={`mark type-${entry.type}`} width="10" height="10" rx="2" />
            </svg>
            {entry.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Where a seek's label starts: after the arrow's head for a seek forward,
 * just after the dot for one back (its arrow points left). Always to the
 * right, so a seek back early in the session still has room.
 */
function seekLabelX(mark: Extract<Mark, { kind: 'seek' }>, cx: number): number {
  return isBack(mark) ? cx + 7 : cx + SEEK_ARROW + 4;
}

/** Where a seek's label would sit; other marks have none, so nothing to place. */
function seekLabelSpan(mark: Mark, x: (at: number) => number): LabelSpan {
  if (mark.kind !== 'seek') return { left: -Infinity, right: -Infinity };
  const left = seekLabelX(mark, x(mark.at));
  return { left, right: left + seekText(mark).length * CHAR_W };
}

/** Where a seek's dot and arrow are drawn, so another seek's label does not cross them. */
function seekMarkSpan(mark: Mark, x: (at: number) => number): LabelSpan {
  if (mark.kind !== 'seek') return { left: -Infinity, right: -Infinity };
  const cx = x(mark.at);
  return isBack(mark) ? { left: cx - SEEK_ARROW, right: cx + 4 } : { left: cx - 4, right: cx + SEEK_ARROW };
}

function isBack(mark: Extract<Mark, { kind: 'seek' }>): boolean {
  return mark.fromS !== null && mark.toS !== null && mark.toS < mark.fromS;
}

function seekText(mark: Extract<Mark, { kind: 'seek' }>): string {
  return `${formatPosition(mark.fromS)} → ${formatPosition(mark.toS)}`;
}

interface MarkProps {
  readonly mark: Mark;
  readonly x: (at: number) => number;
  readonly y: number;
  /** Whether a seek's positions are printed; see labelsThatFit. */
  readonly labelled: boolean;
}

function MarkShape({ mark, x, y, labelled }: MarkProps) {
  const mid = y + LANE_H / 2;
  switch (mark.kind) {
    case 'bar': {
      const left = x(mark.from);
      return (
        <rect
          className={`mark type-${mark.type}`}
          x={left}
          y={y + 6}
          width={Math.max(2, x(mark.to) - left)}
          height={LANE_H - 12}
          rx={2}
        >
          <title>{`${mark.label}: ${formatClock(mark.from)}–${formatClock(mark.to)} (${formatDuration(mark.to - mark.from)})`}</title>
        </rect>
      );
    }
    case 'tick': {
      const cx = x(mark.at);
      return (
        <path className={`mark type-${mark.type}`} d={`M${cx},${mid - 7} l6,7 l-6,7 l-6,-7 z`}>
          <title>{`${mark.label} at ${formatClock(mark.at)}`}</title>
        </path>
      );
    }
    case 'seek': {
      // Media positions are not wall-clock time: the arrow's direction shows forward or back, the label the positions.
      const cx = x(mark.at);
      const back = isBack(mark);
      const end = back ? Math.max(LABEL_W, cx - SEEK_ARROW) : cx + SEEK_ARROW;
      return (
        <g className="mark type-seek">
          <title>{`${mark.label} at ${formatClock(mark.at)}: from ${formatPosition(mark.fromS)} to ${formatPosition(mark.toS)}`}</title>
          <circle cx={cx} cy={mid} r={3} />
          <line x1={cx} y1={mid} x2={end} y2={mid} markerEnd="url(#seek-arrow)" />
          {labelled ? (
            <text x={seekLabelX(mark, cx)} y={mid + 4}>
              {seekText(mark)}
            </text>
          ) : null}
        </g>
      );
    }
  }
}
