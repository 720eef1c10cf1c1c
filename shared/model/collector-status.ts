import { z } from 'zod';

/**
 * How a desktop (or a headless client) following a team collector is linked
 * to it. Pushed to the page so it can say, in a banner, since when the
 * collector is unreachable and when the next try is.
 */
export const CollectorStatusSchema = z
  .object({
    state: z.enum(['connecting', 'open', 'closed']),
    /** When the collector was last reachable before the current outage; null while connected. */
    unreachableSince: z.number().nullable(),
    nextRetryAt: z.number().nullable(),
    /** The opt-in fallback is on and running: this desktop polls with its own credentials meanwhile. */
    pollingLocally: z.boolean().optional(),
  })
  .strict();
export type CollectorStatus = z.infer<typeof CollectorStatusSchema>;

/**
 * A desktop's link to a team collector, as stored in its settings: where the
 * collector is, and whether to poll with this desktop's own credentials while
 * it is unreachable. The token is not here: it lives in the keychain.
 */
export const CollectorLinkConfigSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    fallback: z.boolean().default(false),
  })
  .strict();
export type CollectorLinkConfig = z.infer<typeof CollectorLinkConfigSchema>;

/** What Sources & settings shows about the team collector. */
export const CollectorLinkViewSchema = z.object({
  /** Null: this desktop polls with its own sources. */
  config: CollectorLinkConfigSchema.nullable(),
  /** Whether a token is held; the token itself never leaves main. */
  hasToken: z.boolean(),
  /** Where the token is kept: the keychain, or memory until quit when no keychain is reachable. */
  tokenStorage: z.enum(['keychain', 'session']).nullable(),
  status: CollectorStatusSchema.nullable(),
  /** What the page shows now: the collector's data, or this desktop's own polling (fallback). */
  shown: z.enum(['collector', 'local']),
  /** Why this shell cannot change the link (a headless run given --collector or --config); null when it can. */
  fixedBecause: z.string().nullable(),
});
export type CollectorLinkView = z.infer<typeof CollectorLinkViewSchema>;
