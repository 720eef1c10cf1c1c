import { useState } from 'react';
import type { AppError, Result } from '@shared/result';
import { useSideStores } from '../../state/side-stores';

/**
 * Runs an alert action (acknowledge, snooze) and says how it went in one
 * sentence. The view is fetched again at once: the push that follows may
 * come a moment later, and the button pressed should show its effect now.
 */
export function useAlertAction(): {
  readonly message: string;
  readonly busy: boolean;
  run(action: () => Promise<Result<unknown, AppError>>, done: string): Promise<void>;
} {
  const { alerts } = useSideStores();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  return {
    message,
    busy,
    async run(action, done) {
      setBusy(true);
      const result = await action();
      setBusy(false);
      setMessage(result.ok ? done : result.error.message);
      await alerts.refresh();
    },
  };
}
