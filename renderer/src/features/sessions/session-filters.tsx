import { memo } from 'react';
import { formatCount } from '../../components/format';
import { deviceKinds } from './device-kind';
import type { Filters } from './table-model';

interface Props {
  readonly filters: Filters;
  readonly onChange: (filters: Filters) => void;
  /** Each source's id and name. */
  readonly sources: ReadonlyArray<readonly [string, string]>;
  readonly devices: readonly string[];
  readonly videoTypes: readonly string[];
  readonly shown: number;
  readonly total: number;
}

export const SEARCH_INPUT_ID = 'session-search';

function Choice(props: {
  readonly label: string;
  readonly value: string | null;
  readonly options: ReadonlyArray<readonly [string, string]>;
  readonly onChange: (value: string | null) => void;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">All</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Memoised: its inputs stay the same objects while they read the same, so an update of sessions skips it. */
export const SessionFilters = memo(function SessionFilters({
  filters,
  onChange,
  sources,
  devices,
  videoTypes,
  shown,
  total,
}: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="filters" role="search" aria-label="Filter sessions">
      <label className="field field-search">
        <span>Search</span>
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          placeholder="title, session or viewer id  ( / )"
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            // Clear and let go of the focus, so the next key is a shortcut again ("1" switches view).
            if (filters.search) {
              e.stopPropagation();
              set({ search: '' });
            }
            e.currentTarget.blur();
          }}
        />
      </label>
      <Choice label="Source" value={filters.sourceId} options={sources} onChange={(sourceId) => set({ sourceId })} />
      <Choice
        label="Device"
        value={filters.device}
        options={deviceKinds(devices).map((kind) => [kind, kind] as const)}
        onChange={(device) => set({ device })}
      />
      <Choice
        label="Video type"
        value={filters.videoType}
        options={videoTypes.map((v) => [v, v] as const)}
        onChange={(videoType) => set({ videoType })}
      />
      <label className="field field-check">
        <input type="checkbox" checked={filters.failedOnly} onChange={(e) => set({ failedOnly: e.target.checked })} />
        <span>Failed only</span>
      </label>
      <span className="count" role="status">
        {shown === total ? `${formatCount(total)} sessions` : `${formatCount(shown)} of ${formatCount(total)} sessions`}
      </span>
    </div>
  );
});
