import { z } from 'zod';
import { LooseNumber, numberIn, received } from '../loose-values';
import { tolerantList } from '../tolerant';
import { LOG_DATE_PATTERN } from './log-date';

/**
 * The raw Media Analytics payloads: untrusted input. NAVER's tables and its own
 * examples disagree (the table says Integer, the example sends `"no": "14611077"`
 * and `"playingTime": 244.624`; `code` is documented as a String and sent as 200),
 * so every field accepts the documented drift and nothing more. Unknown fields
 * are stripped. Fields the tables mark neither required nor optional ("-") are
 * optional here, except the ones a row cannot be placed without.
 */

/*
 * The loose primitives are bare `z.transform`s (one call, no pipe): a full
 * sessionRecent page runs ~30,000 of them, and `z.preprocess` cost several
 * times as much. `.nullish()` on them lets null and absent through untouched.
 */

/** A number, also when sent as a numeric string ("2.4"). */
export const LooseNumberSchema = LooseNumber;

/** A boolean, also when sent as "true" / "false". */
export const LooseBooleanSchema = z.transform((value: unknown, ctx): boolean => {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? value.trim().toLowerCase() : null;
  if (word === 'true' || word === 'false') return word === 'true';
  ctx.addIssue({ code: 'custom', message: `Invalid input: expected boolean, received ${received(value)}` });
  return z.NEVER;
});

/** Text, also when sent as a number (`no`, error codes). */
export const LooseTextSchema = z.transform((value: unknown, ctx): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  ctx.addIssue({ code: 'custom', message: `Invalid input: expected string, received ${received(value)}` });
  return z.NEVER;
});

export const LogDateSchema = z.string().regex(LOG_DATE_PATTERN, 'expected a date like "2025-10-10 09:54:38"');

/** `result` is documented as an Object for currentViewers but sent as an Array: accept both, and null as none. */
const asList = (value: unknown) =>
  value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A list inside an item (a session's log): read whole, so a bad entry costs the one item holding it. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(asList, z.array(item));
}

/** The answer's own list: an unreadable item is skipped and counted, the rest is kept. */
function tolerantResult<T extends z.ZodType>(item: T) {
  return z.preprocess(asList, tolerantList('result', item));
}

/** The detail page documents its sections both as Objects and as Arrays: take the object, or the first element. */
function oneOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (Array.isArray(value) ? (value[0] ?? null) : value), item.nullish());
}

export const ViewerPointRawSchema = z.object({
  currentViewerCnt: LooseNumberSchema,
  logDate: LogDateSchema,
});
export type ViewerPointRaw = z.infer<typeof ViewerPointRawSchema>;

export interface SessionLogEntryRaw {
  readonly logDate: string;
  readonly videoTime?: string | number | null;
  readonly actionType: string;
  readonly actionDuration?: number | null;
  /** Masked ("ad5aea06-****-…"): not usable as an id. */
  readonly uuid?: string | null;
}

/**
 * A session's log, every entry's five fields read in one transform with the
 * fields written out: a full sessionRecent page holds 6,000 entries, and a
 * zod object of five field schemas per entry cost more than the JSON.parse
 * before it. The checks and sentences are the field schemas' own, each at its
 * path (sessionLog[1].actionDuration), and a bad entry still fails the one
 * item holding it. An entry already in the documented types is kept as sent,
 * unknown fields and all: the mapper reads the five fields by name, so nothing
 * else reaches the model.
 */
const SessionLogSchema = z.transform((value: unknown, ctx): SessionLogEntryRaw[] => {
  const list = asList(value);
  const entries: SessionLogEntryRaw[] = [];
  const problems: Problem[] = [];
  for (let index = 0; index < list.length; index++) {
    const entry = readLogEntry(list[index], index, problems);
    if (entry !== null) entries.push(entry);
  }
  for (const { path, message } of problems) ctx.addIssue({ code: 'custom', message, path });
  return problems.length > 0 ? z.NEVER : entries;
});

interface Problem {
  readonly path: (string | number)[];
  readonly message: string;
}

/** One log entry, or null with its problems added (no closures here: this runs 6,000 times a page). */
function readLogEntry(entry: unknown, index: number, problems: Problem[]): SessionLogEntryRaw | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push({ path: [index], message: `Invalid input: expected object, received ${received(entry)}` });
    return null;
  }
  const before = problems.length;
  const raw = entry as Record<string, unknown>;
  const { logDate, videoTime, actionType, actionDuration, uuid } = raw;
  if (typeof logDate !== 'string') {
    problems.push({ path: [index, 'logDate'], message: expectedText(logDate) });
  } else if (!LOG_DATE_PATTERN.test(logDate)) {
    problems.push({ path: [index, 'logDate'], message: 'expected a date like "2025-10-10 09:54:38"' });
  }
  if (videoTime != null && typeof videoTime !== 'string' && typeof videoTime !== 'number') {
    const message = `Invalid input: expected string or number, received ${received(videoTime)}`;
    problems.push({ path: [index, 'videoTime'], message });
  }
  const type = textIn(actionType);
  if (type === null) problems.push({ path: [index, 'actionType'], message: expectedText(actionType) });
  const duration = actionDuration == null ? actionDuration : numberIn(actionDuration);
  if (duration === undefined && actionDuration !== undefined) {
    const message = `expected a number, received ${received(actionDuration)}`;
    problems.push({ path: [index, 'actionDuration'], message });
  }
  const id = uuid == null ? uuid : textIn(uuid);
  if (id === null && uuid !== null) problems.push({ path: [index, 'uuid'], message: expectedText(uuid) });
  if (problems.length > before) return null;
  // No copy when nothing needed reading differently: 6,000 fewer objects a page (figure 1a: 2.1-2.2x → 1.5-1.7x).
  if (type === actionType && duration === actionDuration && id === uuid) return raw as unknown as SessionLogEntryRaw;
  return {
    logDate: logDate as string,
    videoTime: videoTime as string | number | null | undefined,
    actionType: type!,
    actionDuration: duration,
    uuid: id,
  };
}

/** Text, or a number as text (LooseTextSchema's rule, for readers outside zod). */
function textIn(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

const expectedText = (value: unknown) => `Invalid input: expected string, received ${received(value)}`;

export const SessionItemRawSchema = z.object({
  no: LooseTextSchema.nullish(),
  logDate: LogDateSchema.nullish(),
  uuid: LooseTextSchema.pipe(z.string().min(1)),
  origin: LooseTextSchema.nullish(),
  os: LooseTextSchema.nullish(),
  device: LooseTextSchema.nullish(),
  totalStartTime: LooseNumberSchema.nullish(),
  rebufferingTime: LooseNumberSchema.nullish(),
  playingTime: LooseNumberSchema.nullish(),
  isError: LooseBooleanSchema.nullish(),
  sessionLog: SessionLogSchema,
});
export type SessionItemRaw = z.infer<typeof SessionItemRawSchema>;

const StartTimeRawSchema = z.object({
  playerStartTimeSum: LooseNumberSchema.nullish(),
  videoStartTimeSum: LooseNumberSchema.nullish(),
  totalStartTimeSum: LooseNumberSchema.nullish(),
});

const UserRawSchema = z.object({
  os: LooseTextSchema.nullish(),
  isp: LooseTextSchema.nullish(),
  nation: LooseTextSchema.nullish(),
  browser: LooseTextSchema.nullish(),
  device: LooseTextSchema.nullish(),
  screen: LooseTextSchema.nullish(),
  lang: LooseTextSchema.nullish(),
  visitedPage: LooseTextSchema.nullish(),
  // `ip` and `address` are documented too; they identify a viewer and an
  // operator's monitor has no use for them, so they are deliberately not read.
});

/** Field names of the error section are not documented: accept the usual spellings. */
export const ErrorInfoRawSchema = z.object({
  errorCode: LooseTextSchema.nullish(),
  code: LooseTextSchema.nullish(),
  errorMessage: LooseTextSchema.nullish(),
  message: LooseTextSchema.nullish(),
});
export type ErrorInfoRaw = z.infer<typeof ErrorInfoRawSchema>;

/** Player and media sections: undocumented fields, kept as a bag of whatever they hold. */
const LooseRecordSchema = z.record(z.string(), z.unknown());

export const SessionDetailRawSchema = z.object({
  startTime: oneOf(StartTimeRawSchema),
  user: oneOf(UserRawSchema),
  player: oneOf(LooseRecordSchema),
  error: listOf(ErrorInfoRawSchema),
  media: oneOf(LooseRecordSchema),
  sessionLog: SessionLogSchema,
});
export type SessionDetailRaw = z.infer<typeof SessionDetailRawSchema>;

/** The success envelope; failures (`error`, "Unauthorized", a code other than 200) are judged before this parse. */
function envelope<T extends z.ZodType>(result: T) {
  return z.object({
    code: z.union([z.number(), z.string()]),
    message: LooseTextSchema.nullish(),
    result,
  });
}

/** A list envelope whose `result` holds the readable items, and `skipped` counts the others. */
function listEnvelope<T extends z.ZodType>(item: T) {
  return envelope(tolerantResult(item)).transform(({ result, ...rest }) => ({
    ...rest,
    result: result.items,
    skipped: result.skips,
  }));
}

export const CurrentViewersResponseSchema = listEnvelope(ViewerPointRawSchema);
export const SessionRecentResponseSchema = listEnvelope(SessionItemRawSchema);
export const SessionDetailResponseSchema = envelope(oneOf(SessionDetailRawSchema));

/** The failure body NAVER sends inside an HTTP 200; `error` is read leniently (an object, or just a sentence). */
export const ErrorBodySchema = z.object({
  error: z
    .union([
      z.object({
        errorCode: LooseTextSchema.nullish(),
        message: LooseTextSchema.nullish(),
        details: LooseTextSchema.nullish(),
      }),
      LooseTextSchema.transform((message) => ({ errorCode: null, message, details: null })),
    ])
    .nullish(),
  code: z.unknown().optional(),
  message: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
