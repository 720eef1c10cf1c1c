import type { SessionEvent } from '@shared/model/samples';

/**
 * A session's events as columns, the shape that compresses best: a NAVER
 * session is mostly a heartbeat a minute, so its times, positions and
 * durations repeat with small changes. Each number is kept as its step from
 * the last value of the same field in an event of the same type (times step
 * from the event before), so a heartbeat becomes [60000, 60, 12]-sized
 * numbers that deflate well. A number that cannot step exactly (a fraction,
 * or past safe integers) is kept whole, as a string, and read back as such.
 *
 * Columns that say nothing are left out: a rawType equal to the type, empty
 * details, and fields null in every event.
 */
export interface EventColumns {
  readonly at: Step[];
  readonly type: string[];
  readonly raw?: (string | 0)[];
  readonly durationMs?: (Step | null)[];
  readonly positionS?: (Step | null)[];
  readonly fromS?: (Step | null)[];
  readonly toS?: (Step | null)[];
  readonly subject?: (string | null)[];
  readonly details?: (SessionEvent['details'] | 0)[];
}

/** A step from the value before, or a whole value written as a string. */
export type Step = number | string;

const NUMBER_FIELDS = ['durationMs', 'positionS', 'fromS', 'toS'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

export function step(value: number, before: number): Step {
  const difference = value - before;
  const exact = Number.isSafeInteger(value) && Number.isSafeInteger(before) && Number.isSafeInteger(difference);
  return exact ? difference : String(value);
}

export function unstep(stored: Step, before: number): number {
  return typeof stored === 'string' ? Number(stored) : before + stored;
}

export function toColumns(events: readonly SessionEvent[], start: number): EventColumns {
  const last = new Map<string, Partial<Record<NumberField, number>>>();
  let previousAt = start;
  const at: Step[] = [];
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, [] as (Step | null)[]])) as Record<
    NumberField,
    (Step | null)[]
  >;
  for (const event of events) {
    at.push(step(event.at, previousAt));
    previousAt = event.at;
    const before = last.get(event.type) ?? {};
    for (const field of NUMBER_FIELDS) {
      const value = event[field];
      numbers[field].push(value === null ? null : step(value, before[field] ?? 0));
      if (value !== null) before[field] = value;
    }
    last.set(event.type, before);
  }
  const columns: Record<string, unknown> = { at, type: events.map((event) => event.type) };
  const raw = events.map((event) => (event.rawType === event.type ? 0 : event.rawType));
  if (raw.some((value) => value !== 0)) columns.raw = raw;
  for (const field of NUMBER_FIELDS) {
    if (numbers[field].some((value) => value !== null)) columns[field] = numbers[field];
  }
  const subject = events.map((event) => event.subject);
  if (subject.some((value) => value !== null)) columns.subject = subject;
  const details = events.map((event) => (Object.keys(event.details).length === 0 ? 0 : event.details));
  if (details.some((value) => value !== 0)) columns.details = details;
  return columns as unknown as EventColumns;
}

/**
 * Events again, unchecked: the caller parses the whole session with its schema,
 * so a damaged column (wrong length, wrong type) fails there or here and the
 * row is skipped.
 */
export function fromColumns(columns: EventColumns, start: number): unknown[] {
  const last = new Map<string, Partial<Record<NumberField, number>>>();
  let previousAt = start;
  return columns.at.map((storedAt, i) => {
    const type = columns.type[i];
    if (type === undefined) throw new Error('event columns of different lengths');
    const at = unstep(storedAt, previousAt);
    previousAt = at;
    const before = last.get(type) ?? {};
    const raw = columns.raw?.[i];
    const event: Record<string, unknown> = {
      at,
      type,
      rawType: raw === undefined || raw === 0 ? type : raw,
      subject: columns.subject?.[i] ?? null,
      details: columns.details?.[i] || {},
    };
    for (const field of NUMBER_FIELDS) {
      const stored = columns[field]?.[i] ?? null;
      const value = stored === null ? null : unstep(stored, before[field] ?? 0);
      event[field] = value;
      if (value !== null) before[field] = value;
    }
    last.set(type, before);
    return event;
  });
}
