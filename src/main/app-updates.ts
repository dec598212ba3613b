// Updates of the desktop app, only from the feed an administrator set (update-policy.ts): electron-updater checks
// at start and every few hours, downloads in the background, verifies the installer (SHA-512 from the feed and
// the Authenticode signature against the publisher in app-update.yml) and installs it when the app quits; the tray
// offers "restart to update" once it is ready. Without a policy nothing here runs and electron-updater is never
// loaded. It refuses to run where it could not check signatures or would not update the right installer.
import type { Logger } from '../core/log/logger.js';
import type { InstallInfo, UpdaterLike } from './electron-api.js';
import { serveUpdateFolder, type FolderFeed } from './update-folder-server.js';
import type { UpdatePolicy } from './update-policy.js';

export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface AppUpdatesOptions {
  policy: UpdatePolicy;
  install: InstallInfo | undefined;
  updater: () => Promise<UpdaterLike>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The tray's "update ready" entry; its action installs now. */
  onReady: (version: string, installNow: () => void) => void;
  serveFolder?: (folder: string) => Promise<FolderFeed>;
  every?: (ms: number, fn: () => void) => { stop(): void };
  intervalMs?: number;
}

export interface AppUpdates {
  /** Why updates are off, or 'on'. */
  readonly status: 'on' | 'off' | 'refused' | 'unsigned' | 'notNsis';
  checkNow(): Promise<void>;
  stop(): Promise<void>;
}

/** The publisher names in app-update.yml (electron-builder writes `publisherName:` as a YAML list). */
export function publisherNames(appUpdateYml: string | undefined): string[] {
  if (!appUpdateYml) return [];
  const lines = appUpdateYml.split(/\r?\n/);
  const at = lines.findIndex((l) => /^publisherName:/.test(l));
  if (at < 0) return [];
  const unquote = (v: string) => v.trim().replace(/^(['"])(.*)\1$/, '$2');
  const inline = lines[at].slice('publisherName:'.length).trim();
  if (inline) return [unquote(inline)].filter(Boolean);
  const names: string[] = [];
  for (const l of lines.slice(at + 1)) {
    const m = /^\s+-\s+(.+)$/.exec(l);
    if (!m) break;
    names.push(unquote(m[1]));
  }
  return names.filter(Boolean);
}

const defaultEvery = (ms: number, fn: () => void) => {
  const t = setInterval(fn, ms);
  t.unref?.();
  return { stop: () => clearInterval(t) };
};

export async function startAppUpdates(o: AppUpdatesOptions): Promise<AppUpdates> {
  const off = (status: AppUpdates['status']): AppUpdates => ({ status, checkNow: async () => undefined, stop: async () => undefined });
  const policy = o.policy;
  if (!policy.enabled) {
    if ('refused' in policy) o.logger.warn('update.feedRefused', { reason: policy.refused, value: policy.value });
    return off('refused' in policy ? 'refused' : 'off');
  }
  if (!o.install?.nsis) {
    // MSI installs (and unpacked builds) are updated by whoever deployed them: a newer MSI with the same upgrade code.
    o.logger.warn('update.notNsis', {});
    return off('notNsis');
  }
  const publishers = publisherNames(o.install.appUpdateYml);
  if (publishers.length === 0) {
    // electron-updater skips the signature check when app-update.yml names no publisher: never update like that.
    o.logger.error('update.unsigned', {});
    return off('unsigned');
  }

  const updater = await o.updater();
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = policy.allowDowngrade;
  updater.disableWebInstaller = true;
  let folder: FolderFeed | undefined;
  if (policy.feed.kind === 'folder') {
    folder = await (o.serveFolder ?? serveUpdateFolder)(policy.feed.path);
    // Whole installers from the share: the loopback server answers no range requests.
    updater.disableDifferentialDownload = true;
    updater.setFeedURL({ provider: 'generic', url: folder.url });
  } else {
    updater.setFeedURL({ provider: 'generic', url: policy.feed.url });
  }
  const feed = policy.feed.kind === 'web' ? policy.feed.url : policy.feed.path;
  updater.on('error', (e) => o.logger.warn('update.failed', { feed, error: e.message }));
  updater.on('update-downloaded', (info) => {
    o.logger.info('update.ready', { version: info.version });
    o.onReady(info.version, () => updater.quitAndInstall(true, true));
  });

  const checkNow = async () => {
    try {
      await updater.checkForUpdates();
    } catch (e) {
      o.logger.warn('update.failed', { feed, error: e instanceof Error ? e.message : String(e) });
    }
  };
  o.logger.info('update.feed', { feed, allowDowngrade: policy.allowDowngrade, publishers: publishers.join(', ') });
  const timer = (o.every ?? defaultEvery)(o.intervalMs ?? CHECK_INTERVAL_MS, () => void checkNow());
  void checkNow();
  return {
    status: 'on',
    checkNow,
    stop: async () => {
      timer.stop();
      await folder?.close();
    },
  };
}
