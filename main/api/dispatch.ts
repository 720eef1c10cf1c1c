import type { z } from 'zod';
import { formatPath } from '../providers/http';
import { requests, type RequestChannel, type RequestResult } from '@shared/ipc/contract';
import { err, type AppError, type Result } from '@shared/result';

/**
 * The request handlers behind every transport (Electron IPC, the headless
 * WebSocket bridge). Handlers receive arguments already parsed by the
 * contract's schema, and return Result values.
 */
export type Handlers = {
  readonly [C in RequestChannel]: (args: HandlerArgs<C>) => Promise<Result<RequestResult<C>, AppError>>;
};
type HandlerArgs<C extends RequestChannel> = z.infer<(typeof requests)[C]['args']>;

export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && Object.hasOwn(requests, channel);
}

/**
 * Parses untrusted arguments with the channel's schema and calls its handler.
 * Never throws: a bad argument or a handler's exception becomes an error value
 * (the exception's text is not forwarded, it may hold details main keeps to itself).
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawArgs: unknown,
): Promise<Result<unknown, AppError>> {
  if (!isRequestChannel(channel)) {
    return err({
      code: 'unknown-channel',
      message: `There is no request channel named ${JSON.stringify(String(channel)).slice(0, 80)}.`,
    });
  }
  const parsed = requests[channel].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? formatPath(issue.path) : '(arguments)';
    return err({
      code: 'bad-argument',
      message: `Invalid argument for ${channel}: field ${field} — ${issue?.message ?? 'invalid'}.`,
    });
  }
  try {
    const handler = handlers[channel] as (args: unknown) => Promise<Result<unknown, AppError>>;
    return await handler(parsed.data);
  } catch (cause) {
    console.error(`[${channel}] handler failed`, cause instanceof Error ? cause.message : cause);
    return err({ code: 'internal', message: `Streamwatch could not complete ${channel}; see the log for details.` });
  }
}
