// Builds the engine both UI hosts serve: stores in the config folder, the connector factory, the pump's job
// service with its schedules, the doctor, settings and the log. Only the SecretStore differs per host
// (safeStorage in Electron, the AES file store headless).
import { join } from 'node:path';
import { createEwsConnector } from '../connectors/ews/index.js';
import { createConnector } from '../connectors/factory.js';
import { createWriter } from '../connectors/writer-factory.js';
import type { Connector } from '../connectors/connector.js';
import type { CalendarWriter } from '../connectors/writer.js';
import { doctorService, setupScriptService } from '../doctor/rpc-services.js';
import type { Lang } from '../doctor/catalogue.js';
import { createLogger, toRecordLevel, type CalpumpLogger } from '../log/create-logger.js';
import { Redactor } from '../log/redact.js';
import { RotatingFileSink, TextStreamSink, type LogSink, type RecordLevel } from '../log/sinks.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { JobStore } from '../store/job-store.js';
import { PresenceRuleStore } from '../store/presence-rule-store.js';
import { TwoWayRuleStore } from '../store/twoway-rule-store.js';
import { ProfileStore } from '../store/profile-store.js';
import { RunHistory } from '../store/run-history.js';
import { SyncStateStore } from '../store/sync-state-store.js';
import { SECRET_NAMES, secretKey, type Profile } from '../../shared/profile.js';
import type { Settings } from '../../shared/rpc.js';
import { createAuthService } from './auth-service.js';
import { createEventHub, type EventHub } from './event-hub.js';
import { RecentLogSink } from './log-service.js';
import { PumpJobService } from './pump-job-service.js';
import type { AuthService, CoreServices, HostFeatures } from './services.js';
import { discoverServer } from './setup-discovery.js';
import { SettingsStore } from './settings-store.js';

export const LOG_FILE = join('logs', 'calpump.log');

export interface CoreServicesOptions {
  configDir: string;
  secrets: SecretStore | ((logger: CalpumpLogger) => SecretStore);
  /** More places for log records (the Windows service: errors to the Event Log). */
  extraSinks?: LogSink[];
  version: string;
  features: HostFeatures;
  env?: NodeJS.ProcessEnv;
  events?: EventHub;
  /** Where warnings are printed (serve: stderr); the log file always gets everything at the chosen level. */
  console?: { write(chunk: string): unknown };
  /** Run scheduled jobs on their timers (hosts yes, tests usually no). */
  schedule?: boolean;
  /** Applied after settings change (Electron: the login item). */
  onSettingsChanged?: (next: Settings, previous: Settings) => void | Promise<void>;
  auth?: AuthService;
  /** How Microsoft 365 sign-in opens the system browser (when `auth` is not given). */
  openBrowser?: (url: string) => Promise<void>;
  /** Connector factory (tests may replace it). */
  createConnector?: typeof createConnector;
  /**
   * Autodiscover base URL for a mail domain instead of https://<domain> and https://autodiscover.<domain>: the demo
   * points its contoso.com at the simulator. Used by setup.discover and by EWS profiles that autodiscover.
   */
  autodiscoverBase?: (domain: string) => string | undefined;
  /** Opens a folder in the system's file manager (the desktop app). */
  openPath?: (path: string) => Promise<void>;
}

export interface BuiltCoreServices {
  services: CoreServices;
  events: EventHub;
  jobs: PumpJobService;
  logger: CalpumpLogger;
  profiles: ProfileStore;
  jobStore: JobStore;
  settings: SettingsStore;
  /** Stops schedules and running jobs. */
  stop(): void;
}

export async function createCoreServices(opts: CoreServicesOptions): Promise<BuiltCoreServices> {
  const events = opts.events ?? createEventHub();
  const settings = new SettingsStore(opts.configDir, opts.onSettingsChanged);
  const initial = await settings.get().catch(() => ({ logLevel: 'info', language: 'en' }) as Settings);
  // The log level setting applies at once: the file and the live view follow it, the console shows warnings.
  const level = () => toRecordLevel(settings.peek()?.logLevel ?? initial.logLevel);
  const recent = new RecentLogSink('trace', { events, file: join(opts.configDir, LOG_FILE) });
  await recent.seedFromFile();
  const sinks: LogSink[] = [
    followLevel(new RotatingFileSink({ path: join(opts.configDir, LOG_FILE), level: 'trace' }), level),
    followLevel(recent, level),
  ];
  if (opts.console) sinks.push(new TextStreamSink({ stream: opts.console, level: 'warn' }));
  sinks.push(...(opts.extraSinks ?? []));
  const redactor = new Redactor();
  const logger = createLogger({ sinks, level: 'all', redactor });
  const secrets = typeof opts.secrets === 'function' ? opts.secrets(logger) : opts.secrets;
  const env = opts.env ?? process.env;
  const makeConnector = withAutodiscoverBase(opts.createConnector ?? createConnector, opts.autodiscoverBase);
  const lang = (): Lang => settings.peek()?.language ?? 'en';

  const connectorFor = async (profile: Profile, store: SecretStore = secrets): Promise<Connector> => {
    // Whatever the connector logs, the profile's secrets are scrubbed from it.
    for (const name of SECRET_NAMES) logger.registerSecret(await store.get(secretKey(profile.id, name)).catch(() => undefined));
    return makeConnector(profile, {
      secrets: store,
      logger: logger.child({ profile: profile.name }),
      env,
      cacheDir: join(opts.configDir, 'cache'),
    });
  };

  const writerFor = async (profile: Profile): Promise<CalendarWriter> => {
    for (const name of SECRET_NAMES) logger.registerSecret(await secrets.get(secretKey(profile.id, name)).catch(() => undefined));
    return createWriter(profile, { secrets, logger: logger.child({ profile: profile.name }), env });
  };

  const profiles = new ProfileStore({ dir: opts.configDir, secrets });
  const jobStore = new JobStore({ dir: opts.configDir, secrets, logger: logger.child({ component: 'jobs' }) });
  const presenceRules = new PresenceRuleStore({ dir: opts.configDir });
  const twowayRules = new TwoWayRuleStore({ dir: opts.configDir });
  const jobs = new PumpJobService({
    jobs: jobStore,
    profiles,
    connectorFor: (p) => connectorFor(p),
    writerFor,
    presenceTable: async (name) => (await presenceRules.get(name)).table,
    twoWayRules: { get: (id) => twowayRules.get(id), stateDir: join(opts.configDir, 'state') },
    states: new SyncStateStore(join(opts.configDir, 'state'), logger),
    secrets,
    history: new RunHistory(opts.configDir),
    events,
    logger,
    schedule: opts.schedule ?? true,
  });
  await jobs.start();

  const services: CoreServices = {
    version: opts.version,
    features: opts.features,
    logger,
    secrets,
    settings,
    profiles,
    connectorFor,
    writerFor,
    stateDir: join(opts.configDir, 'state'),
    presenceRules,
    twowayRules,
    jobs,
    auth:
      opts.auth ??
      createAuthService({
        secrets,
        logger,
        env,
        openBrowser: opts.openBrowser,
        lang,
        onDeviceCode: (d) => events.emit('auth.deviceCode', d),
      }),
    logs: recent,
    doctor: doctorService({ secrets, logger, env }, () => jobStore.list()),
    setupScript: setupScriptService(lang, () => jobStore.list()),
    discover: (email, o) => discoverServer({ secrets, env, autodiscoverBase: opts.autodiscoverBase }, email, o),
    openPath: opts.openPath,
    lang,
  };
  return { services, events, jobs, logger, profiles, jobStore, settings, stop: () => jobs.stop() };
}

/** EWS profiles that autodiscover use the mapped base URL for their domain (when there is one). */
function withAutodiscoverBase(make: typeof createConnector, base: CoreServicesOptions['autodiscoverBase']): typeof createConnector {
  if (!base) return make;
  return async (profile, deps) => {
    const email = profile.kind === 'ews' ? profile.autodiscoverEmail : undefined;
    const mapped = email ? base(email.slice(email.indexOf('@') + 1).toLowerCase()) : undefined;
    if (profile.kind !== 'ews' || !mapped) return make(profile, deps);
    return createEwsConnector(profile, deps, { autodiscoverBase: mapped });
  };
}

/** A sink whose level is read at every record (the logger asks each sink before it builds a record). */
function followLevel(sink: LogSink, level: () => RecordLevel): LogSink {
  return {
    get level() {
      return level();
    },
    write: (record) => sink.write(record),
  };
}
