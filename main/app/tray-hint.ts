import type { SettingsPort } from '../api/app-ports';
import type { AlertNotice } from './notifications';

/**
 * The first time closing hides the window, a notification says where the app
 * went and how to quit it; the settings file remembers that it was said, so
 * it is said once per installation, not once per start.
 */
export function createTrayHint(deps: {
  readonly settings: Pick<SettingsPort, 'view' | 'set'>;
  readonly notify: (notice: AlertNotice) => void;
}): () => Promise<void> {
  let shownThisRun = false;
  return async () => {
    if (shownThisRun) return;
    const { desktop } = await deps.settings.view();
    if (!desktop || desktop.prefs.trayHintShown) return;
    shownThisRun = true;
    deps.notify({
      title: 'Streamwatch is still running',
      body: 'It keeps watching from the tray. Choose Quit in the tray menu to stop it.',
    });
    await deps.settings.set({ desktop: { trayHintShown: true } });
  };
}
