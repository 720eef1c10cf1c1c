import type { Clock, TimerHandle } from '../engine/types';

/**
 * When to look for updates and what to offer, with no Electron in it: the
 * updater adapter feeds it events and carries out its one decision (check
 * now). Updates download in the background and wait; only the user's
 * "Restart to update" installs them.
 */
export const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

export type UpdateEvent =
  | { readonly type: 'checking' }
  | { readonly type: 'available'; readonly version: string }
  | { readonly type: 'not-available' }
  | { readonly type: 'downloaded'; readonly version: string }
  | { readonly type: 'error'; readonly message: string };

export interface UpdateStatus {
  readonly phase: 'idle' | 'checking' | 'downloading' | 'ready' | 'failed';
  /** The version being downloaded or waiting to be installed. */
  readonly version: string | null;
  readonly message: string | null;
}

export const INITIAL_STATUS: UpdateStatus = { phase: 'idle', version: null, message: null };

export function nextStatus(status: UpdateStatus, event: UpdateEvent): UpdateStatus {
  // A downloaded update stays offered: a later failed check does not take the restart away.
  if (status.phase === 'ready' && event.type !== 'downloaded') return status;
  switch (event.type) {
    case 'checking':
      return { phase: 'checking', version: null, message: null };
    case 'available':
      return { phase: 'downloading', version: event.version, message: null };
    case 'not-available':
      return INITIAL_STATUS;
    case 'downloaded':
      return { phase: 'ready', version: event.version, message: null };
    case 'error':
      return { phase: 'failed', version: status.version, message: event.message };
  }
}

/** The tray and menu item, present only while an update waits. */
export function restartLabel(status: UpdateStatus): string | null {
  return status.phase === 'ready' ? `Restart to update${status.version ? ` to ${status.version}` : ''}` : null;
}

export interface UpdatesSwitch {
  readonly enabled: boolean;
  /** Why they are off, for Settings; null when on or simply switched off there. */
  readonly note: string | null;
}

const OFF_WORDS = new Set(['off', '0', 'false', 'no', 'disabled']);

/**
 * The administrator's variable wins over the user's setting: STREAMWATCH_UPDATES=off
 * turns updates off whatever Settings say, so a managed fleet stays on the version it
 * deployed. It cannot force them on: a user may always decline to download.
 */
export function updatesSwitch(input: {
  readonly env: string | undefined;
  readonly setting: boolean;
  readonly packaged: boolean;
}): UpdatesSwitch {
  if (!input.packaged)
    return { enabled: false, note: 'Updates apply to installed builds only, not to a development run.' };
  if (input.env !== undefined && OFF_WORDS.has(input.env.trim().toLowerCase())) {
    return { enabled: false, note: 'Updates are switched off by the administrator (STREAMWATCH_UPDATES=off).' };
  }
  return { enabled: input.setting, note: null };
}

export interface UpdateSchedule {
  /** Checks at once (when enabled), then every six hours. */
  start(): void;
  /** After the switch changed: a newly enabled updater checks if the last check is older than the interval. */
  reconsider(): void;
  stop(): void;
}

export function createUpdateSchedule(deps: {
  readonly clock: Clock;
  readonly enabled: () => boolean;
  /** Whether an update already waits; then there is nothing more to fetch until the restart. */
  readonly ready: () => boolean;
  readonly check: () => void;
}): UpdateSchedule {
  let timer: TimerHandle | null = null;
  let lastCheckAt: number | null = null;

  const checkIfDue = (): void => {
    if (!deps.enabled() || deps.ready()) return;
    if (lastCheckAt !== null && deps.clock.now() - lastCheckAt < CHECK_INTERVAL_MS) return;
    lastCheckAt = deps.clock.now();
    deps.check();
  };
  const tick = (): void => {
    timer = deps.clock.setTimeout(tick, CHECK_INTERVAL_MS);
    checkIfDue();
  };
  return {
    start() {
      if (timer === null) tick();
    },
    reconsider: checkIfDue,
    stop() {
      if (timer !== null) deps.clock.clearTimeout(timer);
      timer = null;
    },
  };
}
