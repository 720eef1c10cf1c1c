import { useState } from 'react';
import type { ProviderInfo } from '@shared/ipc/contract';

interface Props {
  readonly providers: readonly ProviderInfo[];
  readonly onAdd: (provider: ProviderInfo) => void;
}

/** Pick a platform, then fill in its form. Several accounts of one platform side by side are normal. */
export function AddSource({ providers, onAdd }: Props) {
  const [kind, setKind] = useState(providers[0]?.kind ?? '');
  const provider = providers.find((p) => p.kind === kind);
  return (
    <div className="add-source">
      <label className="field">
        <span>Platform</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as ProviderInfo['kind'])}>
          {providers.map((p) => (
            <option key={p.kind} value={p.kind}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" disabled={!provider} onClick={() => provider && onAdd(provider)}>
        Add source
      </button>
    </div>
  );
}
