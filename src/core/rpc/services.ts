// What the RPC handlers need from the engine. Each host (serve, Electron main, tests) builds a CoreServices
// from the real modules; a service that is absent makes its methods answer rpc.notAvailable.
import type { Connector } from '../connectors/connector.js';
import type { CalendarWriter } from '../connectors/writer.js';
import type { Lang } from '../doctor/catalogue.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { PresenceRuleStore } from '../store/presence-rule-store.js';
import type { TwoWayRuleStore } from '../store/twoway-rule-store.js';
import type { Profile } from '../../shared/profile.js';
import type { TestStep } from '../../shared/model.js';
import type {
  AppState,
  BrokenJobView,
  Discovery,
  Job,
  JobView,
  LogLine,
  RpcEventName,
  RpcEventPayload,
  RunRecord,
  Settings,
} from '../../shared/rpc.js';
import type { JobSecretsInput } from '../../shared/job.js';

/** The profile store as the handlers use it (src/core/store/profile-store.ts fits). */
export interface ProfileRepository {
  list(): Promise<Profile[]>;
  get(nameOrId: string): Promise<Profile>;
  add(input: Record<string, unknown>): Promise<Profile>;
  update(nameOrId: string, change: (current: Record<string, unknown>) => Record<string, unknown>): Promise<Profile>;
  remove(nameOrId: string): Promise<{ id?: string; name?: string }>;
}

/** Builds a connector for a profile; `secrets` lets a draft be tested with secrets that are not stored. */
export type ConnectorFactory = (profile: Profile, secrets: SecretStore) => Connector | Promise<Connector>;

export interface JobService {
  list(): Promise<JobView[]>;
  /** Entries of the jobs file that do not validate (left out of list() and the schedule), to be repaired. */
  broken?(): Promise<BrokenJobView[]>;
  get(id: string): Promise<JobView>;
  /** Creates the job (the store assigns the id) and stores its secrets (webhookSecret, postgresPassword). */
  create(job: Omit<Job, 'id'>, secrets: JobSecretsInput): Promise<JobView>;
  update(job: Job, secrets: JobSecretsInput): Promise<JobView>;
  remove(id: string): Promise<boolean>;
  runNow(id: string): Promise<{ runId: string }>;
  cancel(id: string): Promise<boolean>;
  history(id: string | undefined, limit: number): Promise<RunRecord[]>;
  pauseAll(): Promise<void>;
  resumeAll(): Promise<void>;
  state(): AppState;
}

export interface AuthService {
  status(profile: Profile): Promise<{ signedIn: boolean; account?: string; expiresAt?: string }>;
  login(profile: Profile, signal: AbortSignal): Promise<{ signedIn: boolean; account?: string }>;
  logout(profile: Profile): Promise<void>;
}

export interface LogService {
  tail(lines: number, level?: string): Promise<LogLine[]>;
  exportText(): Promise<{ fileName: string; content: string }>;
}

export interface SettingsService {
  get(): Promise<Settings>;
  /** Persists and applies (e.g. the host updates the login item). */
  set(patch: Partial<Settings>): Promise<Settings>;
}

export interface HostFeatures {
  startAtLogin: boolean;
  notifications: boolean;
  openExternal: boolean;
}

export interface CoreServices {
  version: string;
  features: HostFeatures;
  logger: Logger;
  secrets: SecretStore;
  settings: SettingsService;
  profiles?: ProfileRepository;
  connectorFor?: ConnectorFactory;
  jobs?: JobService;
  auth?: AuthService;
  logs?: LogService;
  /** Diagnostics beyond Connector.test (src/core/doctor); falls back to Connector.test when absent. */
  doctor?: (
    profile: Profile,
    connector: Connector,
    mailbox: string | undefined,
    signal: AbortSignal,
    onStep?: (step: TestStep) => void,
  ) => Promise<{ steps: TestStep[]; details?: Record<string, string> }>;
  setupScript?: (
    profile: Profile,
    opts: { scopeGroup?: string },
  ) => Promise<{ fileName: string; script: string }> | { fileName: string; script: string };
  /** Writes into a profile's calendars (import, two-way); absent = those methods answer rpc.notAvailable. */
  writerFor?: (profile: Profile) => Promise<CalendarWriter>;
  /** `<config>/state`: import and two-way state, shared with the CLI so UI and CLI runs of a job agree. */
  stateDir?: string;
  /** Saved presence rule tables (`presence.tables.*`, presence jobs); absent = those methods answer rpc.notAvailable. */
  presenceRules?: Pick<PresenceRuleStore, 'list' | 'get' | 'save' | 'reset' | 'remove'>;
  /** Saved two-way rules (`twoway.rules.*`). */
  twowayRules?: Pick<TwoWayRuleStore, 'list' | 'get' | 'save' | 'remove'>;
  /** Opens a folder in the system's file manager (the desktop app); absent = app.openPath answers rpc.notAvailable. */
  openPath?: (path: string) => Promise<void>;
  /** Where the read-only calendar feeds are served (`calpump serve` sets it once its server listens). */
  feeds?: () => { baseUrl: string; token: string } | undefined;
  /** setup.discover: the server behind an address, before a profile exists (src/core/rpc/setup-discovery.ts). */
  discover?: (email: string, opts: { pinnedSha256?: string; signal?: AbortSignal }) => Promise<Discovery>;
  /** Language for rendering catalogue entries; default: the language setting. */
  lang?: () => Lang;
}

export type EmitEvent = <E extends RpcEventName>(name: E, payload: RpcEventPayload<E>) => void;
