import { Notification } from 'electron';

/** One native notification, as the alert engine words it (grouping, reminders and quiet hours are decided there). */
export interface AlertNotice {
  readonly title: string;
  readonly body: string;
  /** The incident a click opens; none opens the window as it is. */
  readonly incidentId?: string;
  /** The engine sets this from the user's sound preference; absent means silent. */
  readonly silent?: boolean;
}

export interface Notifier {
  show(notice: AlertNotice): void;
}

/** Electron drops the click handler of a notification that was garbage-collected, so shown ones are held (bounded). */
const MAX_HELD = 50;

/**
 * A thin adapter over Electron's Notification. It never brings the window
 * forward by itself — only a click, the user's choice, does — and it makes no
 * sound unless the notice explicitly says so.
 */
export function createNotifier(openAt: (incidentId: string | undefined) => void): Notifier {
  const held = new Set<Notification>();

  return {
    show(notice) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({
        title: notice.title,
        body: notice.body,
        silent: notice.silent !== false,
      });
      const release = (): void => {
        held.delete(notification);
      };
      notification.on('click', () => {
        release();
        openAt(notice.incidentId);
      });
      notification.on('close', release);
      notification.on('failed', release);
      if (held.size >= MAX_HELD) {
        const oldest = held.values().next().value;
        if (oldest !== undefined) held.delete(oldest);
      }
      held.add(notification);
      notification.show();
    },
  };
}
