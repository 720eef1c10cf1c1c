import { Fragment, useState } from 'react';
import type { RuleConfig, RuleId } from '@shared/model/alerts';
import { RULE_MEASURE, ruleLevelsProblem } from '@shared/model/rule-levels';
import type { SourceState } from '@shared/model/state';
import type { AppError, Result } from '@shared/result';
import { fromDisplay, RULE_META, toDisplay, toggleSource, UNIT_SUFFIX, type ThresholdUnit } from './rule-meta';

interface Props {
  readonly ruleId: RuleId;
  readonly config: RuleConfig;
  readonly sources: readonly SourceState[];
  readonly onChange: (config: Partial<RuleConfig>) => Promise<Result<unknown, AppError>>;
}

type NumberKey = 'threshold' | 'recovery' | 'windowMinutes' | 'pendingSeconds' | 'minSessions';

/** A number cell that commits on Enter or when the focus leaves, not on every keystroke. */
function NumberCell(props: {
  readonly label: string;
  readonly value: number;
  readonly unit: ThresholdUnit | 'minutes' | 'count';
  readonly onCommit: (value: number) => void;
  readonly onInvalid: () => void;
  /** The direction written before the number ("above", "at or below"). */
  readonly prefix?: string;
}) {
  const unit: ThresholdUnit = props.unit === 'minutes' || props.unit === 'count' ? 'intervals' : props.unit;
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? toDisplay(unit, props.value);
  const commit = () => {
    if (draft === null) return;
    const value = fromDisplay(unit, draft);
    setDraft(null);
    if (value === null) props.onInvalid();
    else if (value !== props.value) props.onCommit(value);
  };
  const suffix = props.unit === 'minutes' ? 'min' : props.unit === 'count' ? '' : UNIT_SUFFIX[unit];
  return (
    <span className="number-cell">
      {props.prefix ? <span className="muted">{props.prefix}</span> : null}
      <input
        type="text"
        inputMode="decimal"
        aria-label={props.label}
        value={shown}
        size={5}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape' && draft !== null) {
            e.stopPropagation();
            setDraft(null);
          }
        }}
      />
      {suffix ? <span className="muted">{suffix}</span> : null}
    </span>
  );
}

/** How a rule's two levels read, in the direction its number goes bad. */
const RULE_WORDS = {
  rises: { fires: 'fires above', resolves: 'resolves below' },
  falls: { fires: 'fires at or below', resolves: 'resolves at or above' },
  state: { fires: 'fires', resolves: 'resolves' },
} as const;

/** One rule in the compact editor: on/off, severity, its numbers, and the sources it is off for. */
export function RuleRow({ ruleId, config, sources, onChange }: Props) {
  const meta = RULE_META[ruleId];
  const [message, setMessage] = useState('');
  const words = RULE_WORDS[RULE_MEASURE[ruleId].direction];
  const save = async (change: Partial<RuleConfig>) => {
    // The same check main makes, run first so the sentence shows without a round trip.
    const problem = ruleLevelsProblem(ruleId, { ...config, ...change });
    if (problem) {
      setMessage(problem);
      return;
    }
    const result = await onChange(change);
    setMessage(result.ok ? '' : result.error.message);
  };
  const number = (key: NumberKey, label: string, unit: ThresholdUnit | 'minutes' | 'count', prefix?: string) => (
    <NumberCell
      prefix={prefix}
      label={`${meta.label}: ${label}`}
      value={config[key]}
      unit={unit}
      onCommit={(value) => void save({ [key]: value })}
      onInvalid={() =>
        setMessage(`${label}: enter a number of 0 or more${unit === 'share' ? ' (at most 100 %)' : ''}.`)
      }
    />
  );
  const off = config.disabledSources.filter((id) => sources.some((s) => s.id === id)).length;
  return (
    <Fragment>
      <tr className={config.enabled ? '' : 'is-off'}>
        <th scope="row" title={meta.description}>
          <label className="field-check">
            <input
              type="checkbox"
              checked={config.enabled}
              onChange={(e) => void save({ enabled: e.target.checked })}
            />
            <span>{meta.label}</span>
          </label>
        </th>
        <td>
          <select
            aria-label={`${meta.label}: severity`}
            value={config.severity}
            onChange={(e) => void save({ severity: e.target.value as RuleConfig['severity'] })}
          >
            <option value="warning">warning</option>
            <option value="critical">critical</option>
          </select>
        </td>
        <td>
          {meta.unit === 'none' ? (
            <span className="muted">on error</span>
          ) : (
            number('threshold', words.fires, meta.unit, words.fires.replace(/^fires /, ''))
          )}
        </td>
        <td>
          {meta.unit === 'none' ? (
            <span className="muted">on answer</span>
          ) : (
            number('recovery', words.resolves, meta.unit, words.resolves.replace(/^resolves /, ''))
          )}
        </td>
        <td>{meta.windowed ? number('windowMinutes', 'window', 'minutes') : <span className="muted">—</span>}</td>
        <td>{number('pendingSeconds', 'holds for', 'seconds')}</td>
        <td>
          {meta.sessions ? number('minSessions', 'at least sessions', 'count') : <span className="muted">—</span>}
        </td>
        <td>
          <details className="source-toggles">
            <summary>{off === 0 ? 'all sources' : `off for ${off}`}</summary>
            {sources.map((source) => {
              const on = !config.disabledSources.includes(source.id);
              return (
                <label key={source.id} className="field-check">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(e) => void save({ disabledSources: toggleSource(config, source.id, e.target.checked) })}
                  />
                  <span>{source.name}</span>
                </label>
              );
            })}
          </details>
        </td>
      </tr>
      {/* Its own row across the table, so a sentence appearing does not change the columns' widths. */}
      {message ? (
        <tr className="rule-error-row">
          <td colSpan={8}>
            <div className="error-sentence" role="alert">
              {meta.label}: {message}
            </div>
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}
