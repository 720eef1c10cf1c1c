import { z } from 'zod';
import { LooseNumber, received } from '../loose-values';
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

export const SessionLogEntryRawSchema = z.object({
  logDate: LogDateSchema,
  videoTime: z.union([z.string(), z.number()]).nullish(),
  actionType: LooseTextSchema,
  actionDuration: LooseNumberSchema.nullish(),
  /** Masked ("ad5aea06-****-…"): not usable as an id. */
  uuid: LooseTextSchema.nullish(),
});
export type SessionLogEntryRaw = z.infer<typeof SessionLogEntryRawSchema>;

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
  sessionLog: listOf(SessionLogEntryRawSchema),
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
  sessionLog: listOf(SessionLogEntryRawSchema),
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
