/** Errors are values: every fallible call across a boundary returns one of these. */
export type Result<T, E = AppError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** The error a renderer sees from an IPC call: a stable code and a sentence for a person. */
export interface AppError {
  readonly code: string;
  readonly message: string;
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
