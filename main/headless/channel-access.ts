import type { RequestChannel } from '@shared/ipc/contract';
import type { Role } from './tokens-file';

/**
 * Which role may call each request channel on a team collector. A viewer
 * reads everything; only an admin changes sources, rules, routing or
 * credentials, or steers the shared poll. Acknowledging and snoozing are
 * admin too: on a collector they silence the incident for the whole team.
 *
 * The type makes a new channel without a class fail the typecheck, and the
 * channel-access test walks every channel of the contract under each role.
 */
export type ChannelClass = 'read' | 'admin';

export const CHANNEL_ACCESS: Readonly<Record<RequestChannel, ChannelClass>> = {
  'app:info': 'read',
  'state:snapshot': 'read',
  'sessions:detail': 'read',
  'sources:list': 'read',
  'sources:save': 'admin',
  'sources:export': 'read',
  'sources:import': 'admin',
  'settings:get': 'read',
  'settings:set': 'admin',
  'alerts:view': 'read',
  'alerts:history': 'read',
  'alerts:acknowledge': 'admin',
  'alerts:snooze': 'admin',
  'alerts:rules': 'read',
  'alerts:set-rule': 'admin',
  'receivers:list': 'read',
  'receivers:save': 'admin',
  'receivers:remove': 'admin',
  'alerts:deliveries': 'read',
  'sources:remove': 'admin',
  // Tests a source with the collector's stored secrets against any base URL the caller names.
  'sources:test': 'admin',
  'credentials:has': 'read',
  'credentials:clear': 'admin',
  'polling:refresh': 'admin',
  'polling:pause': 'admin',
  'history:series': 'read',
  'history:sessions': 'read',
  'history:status': 'read',
  // Deleting history and changing how long it is kept lose data for the whole team.
  'history:delete': 'admin',
  'history:set-retention': 'admin',
  // Which collector this one follows decides what the whole team sees.
  'collector:get': 'read',
  'collector:connect': 'admin',
  'collector:disconnect': 'admin',
};

/** Unknown channels count as admin (deny by default); dispatch then refuses them anyway. */
export function mayCall(role: Role, channel: string): boolean {
  const cls = Object.hasOwn(CHANNEL_ACCESS, channel) ? CHANNEL_ACCESS[channel as RequestChannel] : 'admin';
  return cls === 'read' || role === 'admin';
}

export const FORBIDDEN_MESSAGE =
  'This token may only read; changing sources, rules, routing or credentials needs an admin token.';
