// Everything a command needs, built once per run from the global options: config folder, language, logger,
// stores, and the services a test may replace (connector factory, ad-hoc export, simulator).
import { join, resolve } from 'node:path';
import type { Connector } from '../../core/connectors/connector.js';
import type { ConnectorFactory } from '../../core/connectors/factory.js';
import type { WriterFactory } from '../../core/connectors/writer-factory.js';
import type { Lang } from '../../core/doctor/catalogue.js';
import { createLogger, type CalpumpLogger } from '../../core/log/create-logger.js';
import { Redactor } from '../../core/log/redact.js';
import { RotatingFileSink, TextStreamSink, type LogSink } from '../../core/log/sinks.js';
import { createSecretStore } from '../../core/secrets/create-secret-store.js';
import type { FileSecretStore } from '../../core/secrets/file-secret-store.js';
import { ProfileStore } from '../../core/store/profile-store.js';
import type { AdhocExportDeps, AdhocExportRequest, ExportReport } from '../../core/sync/adhoc-export.js';
import { escapeJsonControls, stripControl } from '../../shared/control-chars.js';
import { SECRET_NAMES, secretKey, type LogLevel, type Profile } from '../../shared/profile.js';
import { defaultConfigDir, type CliIo } from './io.js';
import { cliText, type CliMessageKey } from './messages.js';
import { StdinSecrets } from './stdin-secrets.js';

export type RunAdhocExport = (req: AdhocExportRequest, deps: AdhocExportDeps) => Promise<ExportReport>;

// Type-only: the simulator itself is loaded lazily (services.ts), so a build without it still runs the CLI.
import type { SimCommandOptions } from '../../sim/cli.js';
export type { SimCommandOptions };
/** Runs the simulator in the foreground until the signal aborts; returns the exit code. */
export type RunSimCommand = (
  opts: SimCommandOptions,
  io: { stdout: CliIo['stdout']; stderr: CliIo['stderr']; signal?: AbortSignal },
) => Promise<number>;

/** Replaceable services; each defaults to the real implementation, loaded when first used. */
export interface CliServices {
  createConnector: ConnectorFactory;
  /** The write direction (write checks); like createConnector, replaceable in tests. */
  createWriter: WriterFactory;
  runAdhocExport: RunAdhocExport;
  runSimCommand: RunSimCommand;
}

export interface GlobalOptions {
  configDir?: string;
  logLevel?: LogLevel;
  lang?: Lang;
}

export const LOG_FILE = join('logs', 'calpump.log');
/** Logged with the full error for the file; the terminal gets the rendered catalogue entry instead. */
export const CLI_FAILED_EVENT = 'cli.failed';

export class CliContext {
  readonly io: CliIo;
  readonly services: CliServices;
  readonly redactor = new Redactor();
  readonly stdinSecrets: StdinSecrets;
  configDir = '';
  lang: Lang = 'en';
  /** Set when --log-level was given; it then overrides each profile's own level. */
  logLevel?: LogLevel;
  /** Raised by commands that finish but report a failure (a failed test step, a failed mailbox). */
  exitCode = 0;
  /** Old flag spellings used in this run ([old, new]); main prints one notice each once the language is known. */
  readonly deprecations: Array<[string, string]> = [];
  readonly noteDeprecated = (oldFlag: string, newFlags: string): void => {
    if (!this.deprecations.some(([o]) => o === oldFlag)) this.deprecations.push([oldFlag, newFlags]);
  };
  private rootLogger?: CalpumpLogger;
  private secretStore?: FileSecretStore;
  private profileStore?: ProfileStore;

  constructor(io: CliIo, services: CliServices) {
    this.io = io;
    this.services = services;
    this.stdinSecrets = new StdinSecrets(io);
  }

  configure(opts: GlobalOptions): void {
    this.configDir = resolve(this.io.cwd, opts.configDir ?? defaultConfigDir(this.io));
    this.lang = opts.lang ?? 'en';
    this.logLevel = opts.logLevel;
    this.rootLogger = undefined;
  }

  get logger(): CalpumpLogger {
    this.rootLogger ??= this.makeLogger(this.logLevel ?? 'info');
    return this.rootLogger;
  }

  /** A logger at the profile's own level (unless --log-level overrides), scrubbing the same secrets. */
  loggerFor(profile: Profile): CalpumpLogger {
    if (this.logLevel || profile.logLevel === 'info') return this.logger.child({ profile: profile.name });
    return this.makeLogger(profile.logLevel).child({ profile: profile.name });
  }

  get secrets(): FileSecretStore {
    this.secretStore ??= createSecretStore({ dir: this.configDir, env: this.io.env, logger: this.logger, dpapi: this.io.dpapi });
    return this.secretStore;
  }

  get profiles(): ProfileStore {
    this.profileStore ??= new ProfileStore({ dir: this.configDir, secrets: this.secrets });
    return this.profileStore;
  }

  async connectorFor(profile: Profile): Promise<Connector> {
    await this.registerProfileSecrets(profile);
    return this.services.createConnector(profile, {
      secrets: this.secrets,
      logger: this.loggerFor(profile),
      env: this.io.env,
      cacheDir: join(this.configDir, 'cache'),
    });
  }

  /** Runs `fn` with the named profile's connector and always closes it. */
  async withConnector<R>(profileName: string, fn: (connector: Connector, profile: Profile) => Promise<R>): Promise<R> {
    const profile = await this.profiles.get(profileName);
    const connector = await this.connectorFor(profile);
    try {
      return await fn(connector, profile);
    } finally {
      await connector.close().catch((e: unknown) => this.logger.debug('connector.closeFailed', { err: e }));
    }
  }

  /** Profile references (ids, or names in files from older versions) as the names people read; unknown ones as given. */
  async profileLabels(): Promise<(ref: string | undefined) => string> {
    const profiles = await this.profiles.list().catch(() => []);
    return (ref) => {
      const key = (ref ?? '').toLowerCase();
      return profiles.find((p) => p.id === ref || p.name.toLowerCase() === key)?.name ?? ref ?? '';
    };
  }

  /** A path given on the command line, relative to the working directory. */
  resolvePath(p: string): string {
    return resolve(this.io.cwd, p);
  }

  /**
   * Whatever a connector does with them, this run's output and logs never show the profile's secrets. Call it
   * before handing a profile to anything that reads its secrets (connectorFor does).
   */
  async registerProfileSecrets(profile: Profile): Promise<void> {
    try {
      for (const name of SECRET_NAMES) this.redactor.register(await this.secrets.get(secretKey(profile.id, name)));
    } catch {
      // An unreadable store is reported by the connector when it needs the secret.
    }
  }

  t(key: CliMessageKey, params?: Record<string, string | number>): string {
    return cliText(this.lang, key, params);
  }

  /** Text for the terminal: escape codes and control characters a server sent are stripped (stripControl). */
  out(text: string): void {
    const clean = stripControl(text);
    this.io.stdout.write(clean.endsWith('\n') ? clean : `${clean}\n`);
  }

  err(text: string): void {
    const clean = stripControl(this.redactor.string(text));
    this.io.stderr.write(clean.endsWith('\n') ? clean : `${clean}\n`);
  }

  /** Machine output: exactly one JSON document on stdout; values kept whole, control characters escaped. */
  json(value: unknown): void {
    this.io.stdout.write(`${escapeJsonControls(JSON.stringify(value, null, 2))}\n`);
  }

  private makeLogger(level: LogLevel): CalpumpLogger {
    const record = level === 'all' ? 'trace' : level;
    const sinks: LogSink[] = [
      // The terminal shows warnings unless more was asked for; the file keeps the full requested detail.
      new TextStreamSink({
        stream: { write: (c) => this.io.stderr.write(c) },
        level: this.logLevel ? record : 'warn',
        skipEvents: [CLI_FAILED_EVENT],
      }),
      new RotatingFileSink({ path: join(this.configDir, LOG_FILE), level: record }),
    ];
    return createLogger({ sinks, level, redactor: this.redactor, now: this.io.now });
  }
}
