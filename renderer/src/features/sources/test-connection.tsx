import { useState } from 'react';
import type { AppError, Result } from '@shared/result';

export type TestState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'ok'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string };

interface Props {
  readonly disabled: boolean;
  /** Runs the test with the values in the form; returns main's sentence. */
  readonly run: () => Promise<Result<{ message: string }, AppError> | null>;
}

/**
 * "Test connection": main tries the entered values and stores nothing. A
 * progress indicator while it runs (a slow platform can take seconds), then
 * one sentence: what was found, or why it failed.
 */
export function TestConnection({ disabled, run }: Props) {
  const [state, setState] = useState<TestState>({ status: 'idle' });
  const start = async () => {
    setState({ status: 'running' });
    const result = await run();
    if (result === null) setState({ status: 'idle' });
    else if (result.ok) setState({ status: 'ok', message: result.value.message });
    else setState({ status: 'failed', message: result.error.message });
  };
  return (
    <div className="test-connection">
      <button type="button" disabled={disabled || state.status === 'running'} onClick={() => void start()}>
        Test connection
      </button>
      <span role="status" aria-live="polite" className={`test-result test-${state.status}`}>
        {state.status === 'running' ? (
          <>
            <span className="spinner spinner-small" aria-hidden="true" />
            Testing the connection…
          </>
        ) : null}
        {state.status === 'ok' ? `Connection OK: ${state.message}` : null}
        {state.status === 'failed' ? `Connection failed: ${state.message}` : null}
      </span>
    </div>
  );
}
