import type { ProviderInfo } from '@shared/ipc/contract';
import type { SourceConfig } from '@shared/model/source';
import type { ImportResult } from './import-export';

interface Props {
  readonly result: ImportResult;
  readonly sources: readonly SourceConfig[];
  readonly providers: readonly ProviderInfo[];
  readonly onEnterSecrets: (source: SourceConfig) => void;
  readonly onDismiss: () => void;
}

/** After an import: which sources came in, and which of them still need their secrets entered. */
export function ImportSummary({ result, sources, providers, onEnterSecrets, onDismiss }: Props) {
  const fieldLabel = (source: SourceConfig | undefined, key: string) =>
    providers.find((p) => p.kind === source?.provider)?.fields.find((f) => f.key === key)?.label ?? key;
  return (
    <section className="panel import-summary" aria-labelledby="import-heading">
      <header className="panel-head">
        <h2 id="import-heading">
          Imported {result.imported.length === 1 ? '1 source' : `${result.imported.length} sources`}
        </h2>
        <button type="button" onClick={onDismiss}>
          Done
        </button>
      </header>
      {result.needSecrets.length === 0 ? (
        <p>Every imported source has its secrets.</p>
      ) : (
        <>
          <p>These sources still need secrets before they can be polled:</p>
          <ul className="need-secrets" aria-label="Sources that need secrets">
            {result.needSecrets.map((need) => {
              const source =
                sources.find((s) => s.id === need.sourceId) ?? result.imported.find((s) => s.id === need.sourceId);
              return (
                <li key={need.sourceId}>
                  <strong>{source?.name ?? need.sourceId}</strong>:{' '}
                  {need.fields.map((key) => fieldLabel(source, key)).join(', ')}{' '}
                  {source ? (
                    <button type="button" onClick={() => onEnterSecrets(source)}>
                      Enter secrets
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
