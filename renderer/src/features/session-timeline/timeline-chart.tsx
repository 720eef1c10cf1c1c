import { useRef } from 'react';
import { useElementWidth } from '../../components/use-element-width';
import { formatClock, formatDuration, formatPosition } from '../../components/format';
import type { Mark, TimelineLayout } from './timeline-layout';

interface Props {
  readonly layout: TimelineLayout;
}

const FALLBACK_WIDTH = 640;
const LABEL_W = 120;
const RIGHT_PAD = 20;
const LANE_H = 28;
const TOP = 6;
const AXIS_H = 24;

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
          return (
            <g key={lane.id} className="lane">
              <rect className="lane-bg" x={LABEL_W} y={y + 2} width={trackWidth} height={LANE_H - 4} />
              <text className="lane-label" x={LABEL_W - 8} y={y + LANE_H / 2 + 4} textAnchor="end">
                {lane.label.length > 16 ? `${lane.label.slice(0, 15)}…` : lane.label}
              </text>
              {lane.marks.map((mark, i) => (
                <MarkShape key={i} mark={mark} x={x} y={y} />
              ))}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function MarkShape({ mark, x, y }: { readonly mark: Mark; readonly x: (at: number) => number; readonly y: number }) {
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
      const back = mark.fromS !== null && mark.toS !== null && mark.toS < mark.fromS;
      const end = back ? cx - 22 : cx + 22;
      const text = `${formatPosition(mark.fromS)} → ${formatPosition(mark.toS)}`;
      return (
        <g className="mark type-seek">
          <title>{`${mark.label} at ${formatClock(mark.at)}: from ${formatPosition(mark.fromS)} to ${formatPosition(mark.toS)}`}</title>
          <circle cx={cx} cy={mid} r={3} />
          <line x1={cx} y1={mid} x2={end} y2={mid} markerEnd="url(#seek-arrow)" />
          <text x={back ? end - 4 : end + 4} y={mid + 4} textAnchor={back ? 'end' : 'start'}>
            {text}
          </text>
        </g>
      );
    }
  }
}
