import { z } from 'zod';

/**
 * The WebSocket bridge of headless `--serve`: the same contract as Electron
 * IPC, carried as JSON messages, so the real renderer runs in a browser.
 */
export const WsClientMessageSchema = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  args: z.unknown(),
});
export type WsClientMessage = z.infer<typeof WsClientMessageSchema>;

/**
 * On a team collector the first message shows the token (never the URL, which lands in logs);
 * the server answers with an `auth` message, or closes the socket with AUTH_CLOSE_CODE.
 */
export const WsAuthMessageSchema = z
  .object({
    type: z.literal('auth'),
    token: z.string().max(512),
    /** The last patch seq the client holds (a reconnecting collector client): the server replays what came after, if it still can. */
    since: z.number().int().optional(),
  })
  .strict();
export type WsAuthMessage = z.infer<typeof WsAuthMessageSchema>;
/** Close code for a missing, unknown or revoked token (4000–4999 are free for applications). */
export const AUTH_CLOSE_CODE = 4401;

export const WsServerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('response'),
    id: z.number().int(),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
    ]),
  }),
  z.object({ type: z.literal('push'), channel: z.string(), payload: z.unknown() }),
  z.object({
    type: z.literal('auth'),
    role: z.enum(['viewer', 'admin']),
    /** Present when the client asked to resume: true when the patches after its seq follow, false when it must fetch a snapshot. */
    resumed: z.boolean().optional(),
  }),
]);
export type WsServerMessage = z.infer<typeof WsServerMessageSchema>;

/** Path of the bridge on the headless server. */
export const WS_PATH = '/api';
