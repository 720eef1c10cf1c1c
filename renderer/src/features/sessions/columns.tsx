import type { ReactNode } from 'react';
import type { SessionRow } from '@shared/model/state';
import { DASH, formatClock, formatDateTime, formatDuration } from '../../components/format';
import type { ColumnId } from './table-model';

export interface Column {
  readonly id: ColumnId;
  readonly label: string;
  readonly numeric?: boolean;
  readonly render: (row: SessionRow, sourceName: string) => ReactNode;
  /** Full text on hover where the cell may be cut short. */
  readonly title?: (row: SessionRow, sourceName: string) => string;
}

function StatusCell({ row }: { readonly row: SessionRow }) {
  if (row.failed === null) return <span className="muted">not reported</span>;
  if (!row.failed) return <span className="status-fine">ok</span>;
  return (
    <>
      <span className="badge-failed">FAILED</span>
      {row.failures.length > 0 ? (
        <span className="failure-labels">{row.failures.map((f) => f.label).join(', ')}</span>
      ) : null}
    </>
  );
}

export const COLUMNS: readonly Column[] = [
  {
    id: 'time',
    label: 'Started',
    render: (row) => formatClock(row.startedAt ?? row.endedAt),
    title: (row) => (row.startedAt === null ? `ended ${formatDateTime(row.endedAt)}` : formatDateTime(row.startedAt)),
  },
  { id: 'source', label: 'Source', render: (_row, name) => name, title: (_row, name) => name },
  { id: 'device', label: 'Device', render: (row) => row.device ?? DASH },
  { id: 'os', label: 'OS', render: (row) => row.os ?? DASH },
  { id: 'startup', label: 'Startup', numeric: true, render: (row) => formatDuration(row.startupTimeMs) },
  { id: 'rebuffering', label: 'Rebuffering', numeric: true, render: (row) => formatDuration(row.rebufferingMs) },
  { id: 'playing', label: 'Playing', numeric: true, render: (row) => formatDuration(row.playingMs) },
  {
    id: 'status',
    label: 'Status',
    render: (row) => <StatusCell row={row} />,
    title: (row) =>
      row.failed === null
        ? 'This platform does not report failures'
        : row.failures.map((f) => f.label).join(', ') || (row.failed ? 'failed' : 'ok'),
  },
  {
    id: 'who',
    label: 'Title / viewer',
    render: (row) => row.title ?? row.viewerId ?? DASH,
    title: (row) =>
      [row.title, row.viewerId && `viewer ${row.viewerId}`, `session ${row.id}`].filter(Boolean).join(' · '),
  },
];
