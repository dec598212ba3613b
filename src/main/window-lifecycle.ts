// Closing the window keeps Calpump in the tray (jobs keep running); only Quit ends it. A second start focuses
// the running instance instead of starting another scheduler on the same files.
import type { AppLike, BrowserWindowLike } from './electron-api.js';

export const HIDDEN_ARG = '--hidden';

export function keepInTrayOnClose(app: AppLike, win: BrowserWindowLike): { quitting(): boolean } {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  win.on('close', (e) => {
    if (!quitting) {
      e.preventDefault();
      win.hide();
    }
  });
  return { quitting: () => quitting };
}

/** False when another instance holds the lock: the caller quits at once. */
export function claimSingleInstance(app: AppLike, focus: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => focus());
  return true;
}

export function showWindow(win: BrowserWindowLike): void {
  if (win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Start at login, minimised to the tray. */
export function applyStartAtLogin(app: AppLike, enabled: boolean): void {
  app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG], openAsHidden: true });
}

export function launchedHidden(app: AppLike, argv: readonly string[]): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  try {
    return !!app.getLoginItemSettings({ args: [HIDDEN_ARG] }).wasOpenedAsHidden;
  } catch {
    return false;
  }
}
