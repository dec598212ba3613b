// Everything `calpump serve` does, as one function the CLI command and the e2e tests call: security policy,
// engine, optional demo (simulator + profile + job), UI build check, HTTP/WS server.
import { join } from 'node:path';
import { createCoreServices, type BuiltCoreServices } from '../../core/rpc/core-services.js';
import { createDispatcher, type Dispatcher } from '../../core/rpc/dispatcher.js';
import { createSecretStore } from '../../core/secrets/create-secret-store.js';
import { nodeCommandRunner } from '../../core/platform/command-runner.js';
import { eventLogSink, windowsEventLog } from '../../core/platform/event-log.js';
import type { SecretStore } from '../../core/secrets/secret-store.js';
import { renderError } from '../../shared/i18n/catalogue.js';
import type { Lang } from '../../core/doctor/catalogue.js';
import { isLoopbackHost, resolveServeSecurity } from './host-policy.js';
import { openInSystemBrowser } from './open-browser.js';
import { createDemoData, DEMO_DOMAIN, startDemoSimulator, type DemoSimulator } from './demo-setup.js';
import { startServeServer, type FeedsHandler, type RunningServeServer } from './server.js';
import { DEFAULT_UI_DIR, ensureUi } from './ui-build.js';
import { createFeedsHandler, feedToken } from './feeds.js';
import { freePort } from './free-port.js';

export interface ServeOptions {
  configDir: string;
  host?: string;
  port?: number;
  /** Try up to this many following ports when `port` is taken (default 0: the port asked for, or serve.portInUse). */
  portFallback?: number;
  token?: string;
  demo?: boolean;
  /** With demo: create the ready demo profile and job (default true); false starts from an empty configuration, for the set-up assistant. */
  demoData?: boolean;
  uiDir?: string;
  /** Build the UI on demand when it is missing (default true). */
  build?: boolean;
  env?: NodeJS.ProcessEnv;
  lang?: Lang;
  version?: string;
  /** Lines for the person at the terminal. */
  log?: (line: string) => void;
  /** Warnings from the engine's logger (default: nowhere but the log file). */
  console?: { write(chunk: string): unknown };
  /** Tests: a SecretStore instead of the file store. */
  secrets?: SecretStore;
  /** Tests and the demo: run jobs on their schedules (default true). */
  schedule?: boolean;
  feeds?: FeedsHandler;
}

export interface RunningServe {
  url: string;
  origin: string;
  token: string;
  /** Read-only feed URL pattern for displays (its token gives no UI access). */
  feedsUrl: string;
  dispatcher: Dispatcher;
  core: BuiltCoreServices;
  sim?: DemoSimulator;
  demo?: { profileId: string; jobId: string; outDir: string };
  uiReady: boolean;
  stop(): Promise<void>;
}

export async function runServe(opts: ServeOptions): Promise<RunningServe> {
  const log = opts.log ?? (() => undefined);
  const env = opts.env ?? process.env;
  const security = resolveServeSecurity({ host: opts.host, token: opts.token, env });
  const uiDir = opts.uiDir ?? DEFAULT_UI_DIR;
  // Before a UI build that can take a minute: a taken port fails (or moves on) now.
  const port = await freePort(security.host, opts.port ?? 0, opts.portFallback ?? 0);
  const ui = await ensureUi(uiDir, { build: opts.build ?? true, log });
  if (!ui.ready) {
    const info = renderError({ id: 'serve.uiMissing', params: { dir: uiDir } }, opts.lang ?? 'en');
    log(`${info.title}: ${ui.reason}. ${info.fix}`);
  }

  // The demo's simulator starts first: its contoso.com answers autodiscover for the set-up assistant.
  const sim: DemoSimulator | undefined = opts.demo ? await startDemoSimulator() : undefined;
  let core: BuiltCoreServices;
  try {
    core = await createCoreServices({
      configDir: opts.configDir,
      secrets: opts.secrets ?? ((logger) => createSecretStore({ dir: opts.configDir, env, logger })),
      version: opts.version ?? '0.0.0',
      features: { startAtLogin: false, notifications: false, openExternal: false },
      env,
      console: opts.console,
      // As a Windows service (CALPUMP_EVENT_LOG=1, set by `calpump service install`): failures also to the Event Log.
      extraSinks: env.CALPUMP_EVENT_LOG === '1' && process.platform === 'win32' ? [eventLogSink(windowsEventLog(nodeCommandRunner()))] : [],
      schedule: opts.schedule ?? true,
      // Sign-in opens a browser on this machine: only meaningful when the UI is used here too.
      openBrowser: isLoopbackHost(security.host) ? (url) => openInSystemBrowser(url) : undefined,
      autodiscoverBase: sim ? (domain) => (domain === DEMO_DOMAIN ? sim.url : undefined) : undefined,
    });
  } catch (e) {
    await sim?.stop().catch(() => undefined);
    throw e;
  }
  const dispatcher = createDispatcher(core.services, { events: core.events });

  const feeds = await feedToken(core.services.secrets);
  let demo: RunningServe['demo'];
  let server: RunningServeServer | undefined;
  const stop = async () => {
    await server?.close().catch(() => undefined);
    core.stop();
    await dispatcher.close().catch(() => undefined);
    await sim?.stop().catch(() => undefined);
  };
  try {
    if (sim && opts.demoData !== false) demo = await createDemoData(dispatcher, sim, join(opts.configDir, 'demo-export'));
    server = await startServeServer({
      host: security.host,
      port,
      token: security.token,
      dispatcher,
      uiDir,
      logger: core.logger,
      lang: opts.lang,
      feeds: opts.feeds ?? createFeedsHandler({ token: feeds, findJob: (name) => core.jobStore.get(name) }),
    });
  } catch (e) {
    await stop();
    throw e;
  }
  const feedsUrl = `${server.origin}/feeds/<job>/<mailbox>.ics?token=${feeds}`;
  const feedsBase = `${server.origin}/feeds`;
  core.services.feeds = () => ({ baseUrl: feedsBase, token: feeds });
  return { url: server.url, origin: server.origin, token: security.token, feedsUrl, dispatcher, core, sim, demo, uiReady: ui.ready, stop };
}
