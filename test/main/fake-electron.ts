// A recording fake of the Electron slice the host uses (src/main/electron-api.ts).
import type {
  AppLike,
  BrowserWindowOptionsLike,
  ElectronApi,
  FrameLike,
  IpcInvokeEventLike,
  IpcMainLike,
  MenuItemOptionsLike,
  SessionLike,
  TrayLike,
} from '../../src/main/electron-api.js';

/** Any listener: the fake stores them by event name and calls them with what the test emits. */
type Listener = (...args: never[]) => unknown;
type PermissionHandler = NonNullable<Parameters<SessionLike['setPermissionRequestHandler']>[0]>;
type HeadersListener = Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
type BeforeRequestListener = Parameters<SessionLike['webRequest']['onBeforeRequest']>[0];
type IpcHandler = Parameters<IpcMainLike['handle']>[1];

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, l: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
    return this;
  }
  once(event: string, l: Listener) {
    return this.on(event, l);
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
}

export class FakeWebContents extends Emitter {
  mainFrame: FrameLike = { url: '', parent: null };
  openHandler?: (d: { url: string }) => { action: 'deny' | 'allow' };
  sent: Array<{ channel: string; args: unknown[] }> = [];
  permissionHandler?: PermissionHandler;
  headersListener?: HeadersListener;
  beforeRequest?: BeforeRequestListener;
  session = {
    setPermissionRequestHandler: (h: PermissionHandler | null) => (this.permissionHandler = h ?? undefined),
    setPermissionCheckHandler: () => undefined,
    webRequest: {
      onHeadersReceived: (l: HeadersListener) => (this.headersListener = l),
      onBeforeRequest: (l: BeforeRequestListener) => (this.beforeRequest = l),
    },
  };
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' | 'allow' }) {
    this.openHandler = h;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return false;
  }
  /** Simulates a navigation attempt; true when it was allowed. */
  navigate(url: string, event = 'will-navigate'): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return !prevented;
  }
}

export class FakeWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  visible = false;
  loaded?: string;
  constructor(readonly options: BrowserWindowOptionsLike) {
    super();
  }
  async loadURL(url: string) {
    this.loaded = url;
    this.webContents.mainFrame = { url, parent: null };
    this.emit('ready-to-show');
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return false;
  }
  /** The user clicks the close button; true when the window really closed. */
  userClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return !prevented;
  }
}

export class FakeTray extends Emitter implements TrayLike {
  image: string;
  tooltip = '';
  menu: unknown;
  destroyed = false;
  constructor(image: string) {
    super();
    this.image = image;
  }
  setImage(i: string) {
    this.image = i;
  }
  setToolTip(t: string) {
    this.tooltip = t;
  }
  setContextMenu(m: unknown) {
    this.menu = m;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** Reversible stand-in for OS encryption: clearly not the plaintext on disk. */
export const fakeSafeStorage = (available = true) => ({
  available,
  isEncryptionAvailable() {
    return this.available;
  },
  encryptString: (s: string) => Buffer.from(`enc:${Buffer.from(s, 'utf8').toString('hex').split('').reverse().join('')}`),
  decryptString: (b: Buffer) => Buffer.from(b.toString().slice(4).split('').reverse().join(''), 'hex').toString('utf8'),
});

export function createFakeElectron(opts: { lock?: boolean; userData?: string; switches?: string[] } = {}) {
  const windows: FakeWindow[] = [];
  const trays: FakeTray[] = [];
  const notifications: Array<{ title: string; body: string }> = [];
  const handlers = new Map<string, IpcHandler>();
  const appEvents = new Emitter();
  const opened: string[] = [];
  /** What session.resolveProxy answers per host (default DIRECT), and which URLs were asked. */
  const proxyAnswers = new Map<string, string>();
  const proxyAsked: string[] = [];
  let loginItem = { openAtLogin: false, args: [] as string[] };
  let quitCalls = 0;
  let sandboxed = false;
  const app: AppLike & {
    emit: (e: string, ...a: unknown[]) => void;
    loginItem: () => typeof loginItem;
    quitCalls: () => number;
    sandboxed: () => boolean;
  } = {
    requestSingleInstanceLock: () => opts.lock ?? true,
    commandLine: { hasSwitch: (name: string) => (opts.switches ?? []).includes(name) },
    on: (event: string, l: Listener) => appEvents.on(event, l),
    emit: (e, ...a) => appEvents.emit(e, ...a),
    whenReady: async () => undefined,
    quit: () => {
      quitCalls++;
      appEvents.emit('before-quit');
    },
    getPath: () => opts.userData ?? '/nonexistent',
    getVersion: () => '1.2.3',
    setLoginItemSettings: (s) => (loginItem = { openAtLogin: s.openAtLogin, args: s.args ?? [] }),
    getLoginItemSettings: () => ({ openAtLogin: loginItem.openAtLogin, wasOpenedAsHidden: false }),
    setAppUserModelId: () => undefined,
    enableSandbox: () => void (sandboxed = true),
    sandboxed: () => sandboxed,
    loginItem: () => loginItem,
    quitCalls: () => quitCalls,
  };
  const api: ElectronApi = {
    app,
    createWindow: (o) => {
      const w = new FakeWindow(o);
      windows.push(w);
      return w;
    },
    createTray: (image) => {
      const t = new FakeTray(image);
      trays.push(t);
      return t;
    },
    buildMenu: (template: MenuItemOptionsLike[]) => ({ template }),
    createNotification: (o) => ({ show: () => notifications.push({ title: o.title, body: o.body }), on: () => undefined }),
    notificationsSupported: () => true,
    safeStorage: fakeSafeStorage(),
    shell: { openExternal: async (u: string) => void opened.push(u) },
    ipcMain: {
      handle: (channel, l) => void handlers.set(channel, l),
      removeHandler: (channel) => void handlers.delete(channel),
    },
    proxySession: {
      resolveProxy: async (url: string) => {
        proxyAsked.push(url);
        return proxyAnswers.get(new URL(url).host) ?? 'DIRECT';
      },
    },
  };
  return {
    api,
    app,
    windows,
    trays,
    notifications,
    handlers,
    opened,
    proxyAnswers,
    proxyAsked,
    /** Invokes an IPC handler as a renderer frame would. */
    invoke(channel: string, event: IpcInvokeEventLike, ...args: unknown[]) {
      const h = handlers.get(channel);
      if (!h) throw new Error(`no handler for ${channel}`);
      return h(event, ...args);
    },
  };
}

export function eventFrom(win: FakeWindow, frame: FrameLike = win.webContents.mainFrame): IpcInvokeEventLike {
  return { sender: win.webContents, senderFrame: frame };
}
