// The slice of Electron the host uses, as interfaces: main-process modules take these as parameters so they are
// tested with fakes (no Electron binary exists in CI). Only src/main/index.ts maps the real `electron` onto them.

export interface WebPreferencesLike {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  spellcheck: boolean;
  navigateOnDragDrop: boolean;
  safeDialogs: boolean;
  disableBlinkFeatures?: string;
}

export interface BrowserWindowOptionsLike {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  icon?: string;
  autoHideMenuBar: boolean;
  backgroundColor: string;
  webPreferences: WebPreferencesLike;
}

export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}

export interface WebContentsLike {
  mainFrame: FrameLike;
  on(event: 'will-navigate' | 'will-redirect', listener: (e: { preventDefault(): void; url?: string }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  session: SessionLike;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null): void;
  setPermissionCheckHandler?(handler: ((wc: unknown, permission: string) => boolean) | null): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[] | string> },
        callback: (response: { responseHeaders?: Record<string, string[] | string>; cancel?: boolean }) => void,
      ) => void,
    ): void;
  };
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  loadFile?(path: string): Promise<void>;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isVisible(): boolean;
  isDestroyed(): boolean;
  on(event: 'close', listener: (e: { preventDefault(): void }) => void): unknown;
  on(event: 'closed' | 'ready-to-show', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
}

export interface MenuItemOptionsLike {
  label?: string;
  type?: 'normal' | 'separator';
  enabled?: boolean;
  click?: () => void;
  id?: string;
}

export interface TrayLike {
  setImage(image: string): void;
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click' | 'double-click', listener: () => void): unknown;
  destroy(): void;
}

export interface NotificationLike {
  show(): void;
  on?(event: 'click', listener: () => void): unknown;
}

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface LoginItemSettingsLike {
  openAtLogin: boolean;
  wasOpenedAsHidden?: boolean;
}

export interface AppLike {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance' | 'before-quit' | 'window-all-closed' | 'activate', listener: (...args: unknown[]) => void): unknown;
  on(event: 'web-contents-created', listener: (e: unknown, contents: WebContentsLike) => void): unknown;
  whenReady(): Promise<void>;
  quit(): void;
  getPath(name: 'userData' | 'logs'): string;
  getVersion(): string;
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[]; openAsHidden?: boolean }): void;
  getLoginItemSettings(opts?: { args?: string[] }): LoginItemSettingsLike;
  setAppUserModelId?(id: string): void;
  /** Chromium's view of the command line (switches without their leading dashes). */
  commandLine?: { hasSwitch(name: string): boolean };
  /** Sandbox every renderer, whatever a window asks for (must be called before ready). */
  enableSandbox?(): void;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcInvokeEventLike {
  /** A WebContentsLike when it comes from a window of this app; checked before use. */
  sender: unknown;
  senderFrame: FrameLike | null;
}

/** Electron's default session, for the proxy it would use: Chromium follows the Windows setting, PAC and WPAD. */
export interface ProxySessionLike {
  /** "PROXY proxy.contoso.com:8080; DIRECT", or "DIRECT" (session.resolveProxy). */
  resolveProxy(url: string): Promise<string>;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** The slice of electron-updater's autoUpdater (NsisUpdater) the app uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  disableWebInstaller: boolean;
  disableDifferentialDownload: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Quits the app and runs the downloaded installer (silently, starting the app again afterwards). */
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

/** What the updater needs to know about the installed app (read in index.ts from the install folder). */
export interface InstallInfo {
  /** The app was installed by the NSIS installer ("Uninstall Calpump.exe" beside it), not by the MSI or unpacked. */
  nsis: boolean;
  /** The contents of resources/app-update.yml, which carries the publisher names updates must be signed by. */
  appUpdateYml?: string;
}

/** Everything main needs, injected. */
export interface ElectronApi {
  app: AppLike;
  createWindow(options: BrowserWindowOptionsLike): BrowserWindowLike;
  createTray(image: string): TrayLike;
  buildMenu(template: MenuItemOptionsLike[]): unknown;
  createNotification(options: { title: string; body: string; icon?: string }): NotificationLike;
  notificationsSupported(): boolean;
  safeStorage: SafeStorageLike;
  shell: ShellLike;
  ipcMain: IpcMainLike;
  /** session.defaultSession (available once the app is ready); absent: the engine reads the setting itself. */
  proxySession?: ProxySessionLike;
  /** electron-updater's autoUpdater, loaded only when an administrator configured an update feed. */
  updater?: () => Promise<UpdaterLike>;
  install?: InstallInfo;
}
