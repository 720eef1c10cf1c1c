import { useRef, useState } from 'react';
import type { RequestResult } from '@shared/ipc/contract';
import { api } from '../../api';
import { exportFileName } from '../../export/csv';
import { downloadText } from '../../export/download';

export type ImportResult = RequestResult<'sources:import'>;

interface Props {
  readonly editable: boolean;
  readonly onImported: (result: ImportResult) => void;
}

/**
 * The source list as a JSON file, without secrets, so a team can share a
 * setup. Export is a download; import reads a file the user picks, and main
 * says which secrets each imported source still needs.
 */
export function ImportExport({ editable, onImported }: Props) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);

  const exportList = async () => {
    const result = await api.request['sources:export']({});
    if (!result.ok) {
      setFailed(true);
      setMessage(result.error.message);
      return;
    }
    downloadText(exportFileName('sources', Date.now(), 'json'), result.value.json, 'application/json');
    setFailed(false);
    setMessage('Exported the source list (no secrets in it).');
  };

  const importFile = async (file: File) => {
    setFailed(false);
    setMessage(`Importing ${file.name}…`);
    const result = await api.request['sources:import']({ json: await file.text() });
    if (fileRef.current) fileRef.current.value = '';
    if (!result.ok) {
      setFailed(true);
      setMessage(result.error.message);
      return;
    }
    setMessage(
      `Imported ${result.value.imported.length} ${result.value.imported.length === 1 ? 'source' : 'sources'}.`,
    );
    onImported(result.value);
  };

  return (
    <div className="import-export">
      <button type="button" onClick={() => void exportList()}>
        Export list
      </button>
      {editable ? (
        <label className="file-button">
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
          <span>Import list…</span>
        </label>
      ) : null}
      <span role={failed ? 'alert' : 'status'} className={failed ? 'error-sentence' : 'muted'}>
        {message}
      </span>
    </div>
  );
}
