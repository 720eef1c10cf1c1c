/** The ids of an input's help and error, for its aria-describedby; undefined when it has neither. */
export function notesFor(id: string, help: string | undefined, error: string | undefined): string | undefined {
  return [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

interface Props {
  readonly id: string;
  readonly help: string | undefined;
  readonly error: string | undefined;
}

/** The help and the error under a form input, with the ids notesFor gives the input. */
export function FieldNotes({ id, help, error }: Props) {
  return (
    <>
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
