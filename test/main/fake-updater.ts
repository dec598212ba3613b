// A recording stand-in for electron-updater's autoUpdater (src/main/electron-api.ts UpdaterLike). Its check
// fetches latest.yml from the feed like the generic provider does, so a folder feed is exercised end to end.
import type { UpdaterLike } from '../../src/main/electron-api.js';

/** Any of UpdaterLike's listeners: each takes the one argument its event carries. */
type Listener = (arg: never) => void;

export class FakeUpdater implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = false;
  disableWebInstaller = false;
  disableDifferentialDownload = false;
  feeds: string[] = [];
  checks = 0;
  /** latest.yml as read from the feed by the last check. */
  lastFeedDocument?: string;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  failWith?: Error;
  private readonly listeners = new Map<string, Listener[]>();

  setFeedURL(o: { provider: 'generic'; url: string }) {
    this.feeds.push(o.url);
  }
  async checkForUpdates() {
    this.checks++;
    if (this.failWith) throw this.failWith;
    const feed = this.feeds.at(-1);
    if (feed?.startsWith('http://127.0.0.1')) {
      const r = await fetch(new URL('latest.yml', feed));
      this.lastFeedDocument = r.ok ? await r.text() : `HTTP ${r.status}`;
    }
    return null;
  }
  on(event: string, l: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
    return this;
  }
  emit(event: string, arg: unknown) {
    for (const l of this.listeners.get(event) ?? []) (l as (a: unknown) => void)(arg);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

/** app-update.yml as electron-builder writes it for a generic feed and a signing publisher. */
export const APP_UPDATE_YML =
  'provider: generic\nurl: https://updates.invalid/calpump\npublisherName:\n  - Calpump\nupdaterCacheDirName: calpump-updater\n';
