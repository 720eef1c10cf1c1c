import { CollectorLinkConfigSchema, CollectorLinkViewSchema, CollectorStatusSchema } from '../model/collector-status';
import { z } from 'zod';
import { AlertsViewSchema, IncidentSchema, RuleConfigSchema, RuleIdSchema } from '../model/alerts';
import { DeliveryLogEntrySchema, ReceiverConfigSchema, ReceiverViewSchema } from '../model/receivers';
import { SessionSchema } from '../model/samples';
import {
  FieldSpecSchema,
  ProviderKindSchema,
  SourceConfigSchema,
  SourceIdSchema,
  ViewerMetricSchema,
} from '../model/source';
import { DesktopPrefsSchema, NotificationPrefsSchema, ThemeSchema } from '../model/preferences';
import {
  DeleteHistoryRequestSchema,
  HistoryStatusSchema,
  RetentionSchema,
  SeriesAnswerSchema,
  SeriesRequestSchema,
  SessionsPageRequestSchema,
  SessionsPageSchema,
} from '../model/history';
import { PatchSchema, SnapshotSchema } from '../model/state';
import { VIEW_IDS } from '../model/views';
import { pushChannels, requestChannels, type PushChannelName, type RequestChannelName } from './channels';

/**
 * The one place channel names are declared. Main registers handlers for
 * `requests`, the preload exposes one method per channel, the renderer calls
 * them through `renderer/src/api.ts`. Arguments are parsed in main with these
 * schemas; results come back as `Result` values.
 */
const none = z.object({}).strict();

export const ProviderInfoSchema = z.object({
  kind: ProviderKindSchema,
  label: z.string(),
  defaultBaseUrl: z.string(),
  metric: ViewerMetricSchema,
  fields: z.array(FieldSpecSchema),
});
export type ProviderInfo = z.infer<typeof ProviderInfoSchema>;

export const SettingsViewSchema = z.object({
  demo: z.boolean(),
  /** Sources are read-only when they come from a headless config file. */
  editable: z.boolean(),
  theme: ThemeSchema,
  notifications: NotificationPrefsSchema,
  keychain: z.object({ available: z.boolean(), message: z.string().nullable() }),
  /** Something the user must know about the settings file (it was corrupt and moved aside). */
  notice: z.string().nullable(),
  /** Where settings live, to show in the UI. */
  location: z.string().nullable(),
  /** Sources that cannot be polled until secrets are entered (after an import, or a session-only restart). */
  needSecrets: z.array(z.object({ sourceId: z.string(), fields: z.array(z.string()) })).default([]),
  /**
   * Launch at login and updates, with what the shell must say about them (no tray on this
   * desktop, updates switched off by the administrator). Null where there is no desktop app (headless).
   */
  desktop: z
    .object({ prefs: DesktopPrefsSchema, notes: z.array(z.string()) })
    .nullable()
    .default(null),
  /** The team collector this desktop follows (its origin): the sources shown are its, read-only here. */
  following: z.string().nullable().default(null),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

const SecretsSchema = z.record(z.string().min(1).max(64), z.string().min(1).max(4096));

export const requests = {
  'app:info': {
    args: none,
    result: z.object({ version: z.string(), shell: z.enum(['electron', 'headless']) }),
  },
  'state:snapshot': { args: none, result: SnapshotSchema },
  'sessions:detail': {
    args: z.object({ sourceId: SourceIdSchema, sessionId: z.string().min(1).max(512) }).strict(),
    result: SessionSchema,
  },
  'sources:list': {
    args: none,
    result: z.object({ sources: z.array(SourceConfigSchema), providers: z.array(ProviderInfoSchema) }),
  },
  'sources:save': {
    args: z
      .object({
        source: SourceConfigSchema,
        secrets: SecretsSchema.default({}),
        /**
         * "session": keep the secrets in memory until quit (when no keychain is available, or by choice).
         * Omitted: where this source's secrets already are (the keychain for a new source).
         */
        storage: z.enum(['keychain', 'session']).optional(),
      })
      .strict(),
    result: SourceConfigSchema,
  },
  /** The source list as JSON without secrets, to share a setup with a team. */
  'sources:export': { args: none, result: z.object({ json: z.string() }) },
  /** Adds the sources of an exported list; the result says which secrets each still needs. */
  'sources:import': {
    args: z.object({ json: z.string().max(1_000_000) }).strict(),
    result: z.object({
      imported: z.array(SourceConfigSchema),
      needSecrets: z.array(z.object({ sourceId: z.string(), fields: z.array(z.string()) })),
    }),
  },
  'settings:get': { args: none, result: SettingsViewSchema },
  'settings:set': {
    args: z
      .object({
        demo: z.boolean().optional(),
        theme: ThemeSchema.optional(),
        notifications: NotificationPrefsSchema.partial().optional(),
        desktop: DesktopPrefsSchema.partial().strict().optional(),
      })
      .strict(),
    result: SettingsViewSchema,
  },
  'alerts:view': { args: none, result: AlertsViewSchema },
  'alerts:history': { args: none, result: z.object({ incidents: z.array(IncidentSchema) }) },
  'alerts:acknowledge': { args: z.object({ incidentId: z.string().min(1).max(64) }).strict(), result: z.object({}) },
  /** Snooze one incident, or all when no id is given; 0 minutes ends a snooze. */
  'alerts:snooze': {
    args: z
      .object({
        incidentId: z.string().min(1).max(64).optional(),
        minutes: z
          .number()
          .int()
          .min(0)
          .max(7 * 24 * 60),
      })
      .strict(),
    result: z.object({}),
  },
  'alerts:rules': { args: none, result: z.record(RuleIdSchema, RuleConfigSchema) },
  'alerts:set-rule': {
    args: z.object({ ruleId: RuleIdSchema, config: RuleConfigSchema.partial() }).strict(),
    result: z.record(RuleIdSchema, RuleConfigSchema),
  },
  /** Alert receivers (Slack, Teams, PagerDuty, webhook); their secrets go in and never come back. */
  'receivers:list': { args: none, result: z.object({ receivers: z.array(ReceiverViewSchema) }) },
  'receivers:save': {
    args: z.object({ receiver: ReceiverConfigSchema, secret: z.string().max(2048).optional() }).strict(),
    result: z.object({ receivers: z.array(ReceiverViewSchema) }),
  },
  'receivers:remove': {
    args: z.object({ receiverId: z.string().min(1).max(64) }).strict(),
    result: z.object({ receivers: z.array(ReceiverViewSchema) }),
  },
  'alerts:deliveries': {
    args: z.object({ incidentId: z.string().min(1).max(64) }).strict(),
    result: z.object({ entries: z.array(DeliveryLogEntrySchema) }),
  },
  'sources:remove': {
    /** keepHistory false deletes the source's stored history too. */
    args: z.object({ sourceId: SourceIdSchema, keepHistory: z.boolean().default(true) }).strict(),
    result: z.object({}),
  },
  /** Stored viewer readings of a range, from the tier that range is read from (see tierFor). */
  'history:series': { args: SeriesRequestSchema, result: SeriesAnswerSchema },
  /** One page of the stored sessions of a period, filtered in the database. */
  'history:sessions': { args: SessionsPageRequestSchema, result: SessionsPageSchema },
  'history:status': { args: none, result: HistoryStatusSchema },
  /** One source's history, or all of it (sourceId null). */
  'history:delete': { args: DeleteHistoryRequestSchema, result: HistoryStatusSchema },
  'history:set-retention': { args: RetentionSchema.partial().strict(), result: HistoryStatusSchema },
  /** Tries the entered values without storing anything; secrets missing here come from the keychain. */
  'sources:test': {
    args: z.object({ source: SourceConfigSchema, secrets: SecretsSchema.default({}) }).strict(),
    result: z.object({ message: z.string() }),
  },
  /** Secrets are write-only from the renderer: no channel returns one. */
  'credentials:has': {
    args: z.object({ sourceId: SourceIdSchema }).strict(),
    result: z.record(z.string(), z.boolean()),
  },
  'credentials:clear': {
    args: z.object({ sourceId: SourceIdSchema, field: z.string().min(1).max(64) }).strict(),
    result: z.object({}),
  },
  'polling:refresh': {
    args: z.object({ sourceId: SourceIdSchema.optional() }).strict(),
    result: z.object({}),
  },
  'polling:pause': { args: z.object({ paused: z.boolean() }).strict(), result: z.object({}) },
  /** This desktop's link to a team collector (Sources & settings). */
  'collector:get': { args: none, result: CollectorLinkViewSchema },
  /**
   * Follows a team collector: the token is tried first and kept in the keychain only if the
   * collector accepts it. Omitting the token keeps the one already held (to change the fallback).
   */
  'collector:connect': {
    args: CollectorLinkConfigSchema.extend({ token: z.string().trim().min(1).max(512).optional() }).strict(),
    result: CollectorLinkViewSchema,
  },
  /** Back to polling with this desktop's own sources; the token is removed from the keychain. */
  'collector:disconnect': { args: none, result: CollectorLinkViewSchema },
} as const;

/** Every view of the page can be asked for by the shell (menu, tray, a notification's click). */
export const ViewNameSchema = z.enum(VIEW_IDS);
export type ViewName = z.infer<typeof ViewNameSchema>;

export const pushes = {
  'state:patch': PatchSchema,
  'alerts:changed': AlertsViewSchema,
  /** The shell asks the page to show a view (menu shortcut, tray item, notification click). */
  'app:navigate': z.object({
    view: ViewNameSchema,
    incidentId: z.string().optional(),
    focusSearch: z.boolean().optional(),
  }),
  /** A shell that follows a team collector: its link, for the "unreachable" banner; null once it stops following. */
  'collector:status': CollectorStatusSchema.nullable(),
} as const;

export type RequestChannel = keyof typeof requests;
export type PushChannel = keyof typeof pushes;
export type RequestArgs<C extends RequestChannel> = z.input<(typeof requests)[C]['args']>;
/** Arguments as a handler receives them, defaults filled in. */
export type RequestArgsParsed<C extends RequestChannel> = z.output<(typeof requests)[C]['args']>;
export type RequestResult<C extends RequestChannel> = z.infer<(typeof requests)[C]['result']>;
export type PushPayload<C extends PushChannel> = z.infer<(typeof pushes)[C]>;

// The preload's name lists (channels.ts) must name exactly these channels: adding a
// channel here without adding its name there fails the typecheck.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const requestNamesMatch: SameSet<RequestChannelName, RequestChannel> = true;
const pushNamesMatch: SameSet<PushChannelName, PushChannel> = true;
void requestNamesMatch;
void pushNamesMatch;

export { pushChannels, requestChannels };
