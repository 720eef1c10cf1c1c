import { useEffect, useState } from 'react';
import type { RuleConfig, RuleId, Rules } from '@shared/model/alerts';
import type { SourceState } from '@shared/model/state';
import { api } from '../../api';
import { RULE_META } from './rule-meta';
import { RuleRow } from './rule-row';

interface Props {
  readonly sources: readonly SourceState[];
}

/** The rules' thresholds and switches, in one compact table; each change is saved as it is made. */
export function RulesPanel({ sources }: Props) {
  const [rules, setRules] = useState<Rules | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let current = true;
    void api.request['alerts:rules']({}).then((result) => {
      if (!current) return;
      if (result.ok) setRules(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, []);

  const change = async (ruleId: RuleId, config: Partial<RuleConfig>) => {
    const result = await api.request['alerts:set-rule']({ ruleId, config });
    if (result.ok) setRules(result.value);
    return result;
  };

  return (
    <section className="panel rules-panel" aria-labelledby="rules-heading">
      <header className="panel-head">
        <h2 id="rules-heading">Rules</h2>
      </header>
      <p className="note">
        A rule fires when its value stays past “fires above” for the “holds for” time, and resolves only once it is back
        past “resolves below”, so an incident does not flap around one number.
      </p>
      {error ? (
        <p className="error-sentence" role="alert">
          {error}
        </p>
      ) : null}
      {rules ? (
        <div className="table-scroll">
          <table className="plain-table rules-table" aria-label="Alert rules">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Severity</th>
                <th scope="col">Fires above</th>
                <th scope="col">Resolves below</th>
                <th scope="col">Window</th>
                <th scope="col">Holds for</th>
                <th scope="col">Min. sessions</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(RULE_META) as RuleId[])
                .filter((id) => rules[id])
                .map((id) => (
                  <RuleRow key={id} ruleId={id} config={rules[id]} sources={sources} onChange={(c) => change(id, c)} />
                ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
