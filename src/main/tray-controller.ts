// The tray icon: its picture shows the app state (idle, syncing, error, paused); its menu opens the window,
// syncs now, pauses or resumes all jobs, shows the last sync time and quits.
import type { AppState, TrayState } from '../shared/rpc.js';
import type { ElectronApi, MenuItemOptionsLike, TrayLike } from './electron-api.js';
import { desktopText, type DesktopLang } from './desktop-text.js';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  pause(): void;
  resume(): void;
  quit(): void;
}

export interface TrayController {
  update(state: AppState): void;
  /** An update was downloaded: the menu offers to install it now (it installs on quit anyway). */
  setUpdateReady(version: string, installNow: () => void): void;
  /** The menu as last built (tests and accessibility). */
  readonly menu: MenuItemOptionsLike[];
  readonly state: TrayState;
  destroy(): void;
}

export function createTrayController(
  api: Pick<ElectronApi, 'createTray' | 'buildMenu'>,
  opts: { icons: Record<TrayState, string>; actions: TrayActions; lang?: () => DesktopLang; formatTime?: (iso: string) => string },
): TrayController {
  const lang = opts.lang ?? (() => 'en' as const);
  const format = opts.formatTime ?? ((iso: string) => new Date(iso).toLocaleString());
  const tray: TrayLike = api.createTray(opts.icons.idle);
  let current: AppState = { tray: 'idle', paused: false, runningJobs: [], failingJobs: [] };
  let menu: MenuItemOptionsLike[] = [];
  let update: { version: string; installNow: () => void } | undefined;
  tray.on('click', () => opts.actions.open());

  function render(): void {
    const t = (k: Parameters<typeof desktopText>[1], p?: Record<string, string>) => desktopText(lang(), k, p);
    tray.setImage(opts.icons[current.tray]);
    const ready = update ? ` — ${t('tray.updateReadyTip', { version: update.version })}` : '';
    tray.setToolTip(`Calpump — ${t(`tray.state.${current.tray}`)}${ready}`);
    const updateItems: MenuItemOptionsLike[] = update
      ? [{ id: 'update', label: t('tray.updateReady', { version: update.version }), click: update.installNow }, { type: 'separator' }]
      : [];
    menu = [
      ...updateItems,
      { id: 'open', label: t('tray.open'), click: () => opts.actions.open() },
      { id: 'sync', label: t('tray.syncNow'), enabled: !current.paused, click: () => opts.actions.syncNow() },
      current.paused
        ? { id: 'resume', label: t('tray.resume'), click: () => opts.actions.resume() }
        : { id: 'pause', label: t('tray.pause'), click: () => opts.actions.pause() },
      { type: 'separator' },
      {
        id: 'last',
        label: current.lastSyncAt ? t('tray.lastSync', { time: format(current.lastSyncAt) }) : t('tray.neverSynced'),
        enabled: false,
      },
      { type: 'separator' },
      { id: 'quit', label: t('tray.quit'), click: () => opts.actions.quit() },
    ];
    tray.setContextMenu(api.buildMenu(menu));
  }

  render();
  return {
    update(state) {
      current = state;
      render();
    },
    setUpdateReady(version, installNow) {
      update = { version, installNow };
      render();
    },
    get menu() {
      return menu;
    },
    get state() {
      return current.tray;
    },
    destroy: () => tray.destroy(),
  };
}
