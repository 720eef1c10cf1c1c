import WebSocket from 'ws';
import { AUTH_CLOSE_CODE, WS_PATH, WsServerMessageSchema } from '@shared/ipc/ws-protocol';
import { err, ok, type AppError, type Result } from '@shared/result';

export const PROBE_TIMEOUT_MS = 5_000;

/**
 * Tries a collector's address and a token before anything is saved: the
 * person connecting learns now, in one sentence, whether the address is
 * wrong, the collector is down, or the token is refused, and which role
 * the token has.
 */
export function probeCollector(
  url: URL,
  token: string,
  options: { readonly timeoutMs?: number; readonly ca?: Buffer } = {},
): Promise<Result<'viewer' | 'admin', AppError>> {
  const wsUrl = new URL(WS_PATH, url);
  wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const where = url.origin;
  return new Promise((resolve) => {
    let settled = false;
    const ws = new WebSocket(wsUrl, { origin: url.origin, ...(options.ca ? { ca: options.ca } : {}) });
    const finish = (result: Result<'viewer' | 'admin', AppError>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(
          err({
            code: 'timeout',
            message: `The collector at ${where} did not answer within ${(options.timeoutMs ?? PROBE_TIMEOUT_MS) / 1000} s.`,
          }),
        ),
      options.timeoutMs ?? PROBE_TIMEOUT_MS,
    );
    ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token })));
    ws.on('message', (data) => {
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        raw = null;
      }
      const message = WsServerMessageSchema.safeParse(raw);
      if (message.success && message.data.type === 'auth') finish(ok(message.data.role));
    });
    ws.on('unexpected-response', (_request, response) =>
      finish(
        err({
          code: 'bad-answer',
          message: `${where} answered HTTP ${response.statusCode} instead of a Streamwatch collector's WebSocket; check the address.`,
        }),
      ),
    );
    ws.on('close', (code) =>
      finish(
        code === AUTH_CLOSE_CODE
          ? err({
              code: 'unauthorized',
              message: `The collector at ${where} refused this token. Check it, or ask the collector's administrator for a new one.`,
            })
          : err({ code: 'unavailable', message: `The collector at ${where} closed the connection (code ${code}).` }),
      ),
    );
    ws.on('error', (cause) =>
      finish(err({ code: 'unavailable', message: `The collector at ${where} cannot be reached: ${cause.message}.` })),
    );
  });
}
