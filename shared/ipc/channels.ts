/**
 * Channel names alone, without their schemas. The preload imports only this file
 * (and types), so zod stays out of the sandboxed preload bundle. The contract
 * checks at compile time that these lists and its own channels are the same set.
 */
export const requestChannels = [
  'app:info',
  'state:snapshot',
  'sessions:detail',
  'sources:list',
  'sources:save',
  'sources:export',
  'sources:import',
  'settings:get',
  'settings:set',
  'alerts:view',
  'alerts:history',
  'alerts:acknowledge',
  'alerts:snooze',
  'alerts:rules',
  'alerts:set-rule',
  'sources:remove',
  'sources:test',
  'credentials:has',
  'credentials:clear',
  'polling:refresh',
  'polling:pause',
  'receivers:list',
  'receivers:save',
  'receivers:remove',
  'alerts:deliveries',
  'history:series',
  'history:sessions',
  'history:status',
  'history:delete',
  'history:set-retention',
  'collector:get',
  'collector:connect',
  'collector:disconnect',
] as const;

export const pushChannels = ['state:patch', 'alerts:changed', 'app:navigate', 'collector:status'] as const;

export type RequestChannelName = (typeof requestChannels)[number];
export type PushChannelName = (typeof pushChannels)[number];
