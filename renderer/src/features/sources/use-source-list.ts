import { useCallback, useEffect, useState } from 'react';
import type { RequestResult } from '@shared/ipc/contract';
import type { AppError, Result } from '@shared/result';
import { api } from '../../api';

export type SourceList = RequestResult<'sources:list'>;

/**
 * The configured sources and the platforms' field specs. Nothing pushes
 * changes to this list (this page makes them), so it is fetched on open and
 * after every save, removal or import.
 */
export function useSourceList(): {
  readonly list: SourceList | null;
  readonly error: string;
  reload(): Promise<void>;
} {
  const [list, setList] = useState<SourceList | null>(null);
  const [error, setError] = useState('');
  const apply = useCallback((result: Result<SourceList, AppError>) => {
    if (result.ok) {
      setList(result.value);
      setError('');
    } else setError(result.error.message);
  }, []);
  const reload = useCallback(async () => apply(await api.request['sources:list']({})), [apply]);
  useEffect(() => {
    let current = true;
    void api.request['sources:list']({}).then((result) => current && apply(result));
    return () => {
      current = false;
    };
  }, [apply]);
  return { list, error, reload };
}
