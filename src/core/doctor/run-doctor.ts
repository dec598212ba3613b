// `calpump doctor`: ordered connection checks for a profile, each pass / fail / skipped with timing,
// evidence and the fix. Exit code 0 (DoctorReport.ok) only when every step passed.
import type { TestStep } from '../../shared/model.js';
import type { EwsProfile, GraphProfile, Profile } from '../../shared/profile.js';
import { authorityUrl } from '../auth/authority.js';
import type { GssBinding } from '../auth/kerberos/gss-binding.js';
import type { KinitRunner } from '../auth/kerberos/gssapi-source.js';
import type { Connector } from '../connectors/connector.js';
import { DEFAULT_FETCH_TIMEOUT_MS, type ConnectorDeps } from '../connectors/deps.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { autodiscoverSteps, type AutodiscoverContext } from './autodiscover-steps.js';
import { ewsSteps } from './ews-steps.js';
import { graphSteps, type GraphContext } from './graph-steps.js';
import { networkSteps, transportDone, withoutTlsFor } from './network-steps.js';
import type { Resolver } from './probes/dns.js';
import { runSteps, type StepSpec } from './runner.js';
import type { CalendarWriter } from '../connectors/writer.js';
import { cleanUpWriteCheck, writeCheckSteps, type WriteCheckContext } from '../write-check/write-check.js';

export interface DoctorDeps extends ConnectorDeps {
  /** Builds the connector used by the calendar steps (the CLI passes createConnector from connectors/factory). */
  createConnector?: (profile: Profile, deps: ConnectorDeps) => Promise<Connector>;
  /** A connector the caller owns (the UI's pooled one): used instead of createConnector and never closed here. */
  connector?: Connector;
  /** DNS resolver (tests inject one to stage "host not found"). */
  resolver?: Resolver;
  now?: () => Date;
  clock?: () => number;
  /** Autodiscover endpoints to try for an address (default https://<domain>/… and https://autodiscover.<domain>/…). */
  autodiscoverUrls?: (email: string) => string[];
  /** Kerberos seams (default: the `kerberos` package and MIT kinit); tests pass fakes. */
  gss?: GssBinding;
  kinit?: KinitRunner;
  /** Builds the writer for the write check (DoctorOptions.write); the CLI passes createWriter. */
  createWriter?: (profile: Profile, deps: ConnectorDeps) => Promise<CalendarWriter>;
}

export interface DoctorOptions {
  /** Mailbox for the mailbox steps; default: the profile's testMailbox. */
  mailbox?: string;
  /** Also create, read back and delete a tagged test item in that mailbox (write-check steps). */
  write?: boolean;
  onStep?: (step: TestStep) => void;
  /** Aborting stops before the next step; the call then fails with rpc.cancelled. */
  signal?: AbortSignal;
  /** Contacts or tasks the profile's jobs export (Graph: their read permissions are checked too). */
  contents?: Array<'contacts' | 'tasks'>;
}

export interface DoctorReport {
  profile: string;
  kind: Profile['kind'];
  mailbox?: string;
  ok: boolean;
  steps: TestStep[];
  /** Things that work today but need attention (legacy EWS on Microsoft 365 retiring 2027-04-01). */
  warnings: ErrorInfo[];
}

/** The doctor waits less than a sync would: a diagnosis that hangs for 100 s helps nobody. */
const DOCTOR_TIMEOUT_MS = 20_000;

export async function runDoctor(profile: Profile, deps: DoctorDeps, opts: DoctorOptions = {}): Promise<DoctorReport> {
  const mailbox = opts.mailbox ?? profile.testMailbox;
  const steps = profile.kind === 'ews' ? await runEws(profile, deps, opts, mailbox) : await runGraph(profile, deps, opts, mailbox);
  const warnings: ErrorInfo[] = [];
  if (profile.kind === 'ews' && profile.legacyOnline)
    warnings.push(new CalpumpError('auth.ewsOnline.retiring', { params: { profile: profile.name } }).info());
  return {
    profile: profile.name,
    kind: profile.kind,
    mailbox,
    ok: steps.length > 0 && steps.every((s) => s.status === 'pass'),
    steps,
    warnings,
  };
}

function lazyConnector(profile: Profile, deps: DoctorDeps): { get: () => Promise<Connector>; close: () => Promise<void> } {
  const borrowed = deps.connector;
  if (borrowed) return { get: async () => borrowed, close: async () => {} };
  let c: Promise<Connector> | undefined;
  const create = async (): Promise<Connector> => {
    if (!deps.createConnector) throw new CalpumpError('internal.unexpected', { params: { text: 'doctor: createConnector=undefined' } });
    return deps.createConnector(profile, deps);
  };
  return {
    get: () => (c ??= create()),
    close: async () => {
      if (c) await (await c.catch(() => undefined))?.close();
    },
  };
}

function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

async function runEws(profile: EwsProfile, deps: DoctorDeps, opts: DoctorOptions, mailbox: string | undefined): Promise<TestStep[]> {
  // Without a URL the EWS host is what autodiscover finds; the transport steps then check that host.
  const target = profile.url ? new URL(profile.url) : undefined;
  const connector = lazyConnector(profile, deps);
  const write = writeParts(profile, deps, opts);
  const ctx: AutodiscoverContext & WriteCheckContext = {
    ...common(profile, deps, mailbox),
    writer: write.writer,
    profile,
    target,
    connector: connector.get,
    autodiscoverUrls: deps.autodiscoverUrls,
    gss: deps.gss,
    kinit: deps.kinit,
  };
  const first: StepSpec<AutodiscoverContext>[] = target ? [] : autodiscoverSteps();
  const after = target ? [] : (['autodiscover'] as const);
  const specs: StepSpec<AutodiscoverContext & WriteCheckContext>[] = [
    ...first,
    ...withoutTlsFor(target, networkSteps<AutodiscoverContext>({ dnsStep: 'dns.host', after: [...after] })),
    ...ewsSteps(transportDone(target), { kerberos: profile.auth === 'kerberos' && !profile.legacyOnline }),
    ...(opts.write ? writeCheckSteps<AutodiscoverContext & WriteCheckContext>(['calendar.view']) : []),
  ];
  return run(specs, ctx, deps, opts, async () => {
    await write.close(ctx);
    ctx.negotiate?.close();
    await connector.close();
  });
}

async function runGraph(profile: GraphProfile, deps: DoctorDeps, opts: DoctorOptions, mailbox: string | undefined): Promise<TestStep[]> {
  const target = new URL(`${authorityUrl(profile.authorityHost, profile.tenantId)}/`);
  const write = writeParts(profile, deps, opts);
  const ctx: GraphContext & WriteCheckContext = {
    ...common(profile, deps, mailbox),
    profile,
    target,
    writer: write.writer,
    contents: opts.contents,
  };
  const specs: StepSpec<GraphContext & WriteCheckContext>[] = [
    ...withoutTlsFor(target, networkSteps<GraphContext>({ dnsStep: 'dns.authority' })),
    ...graphSteps(transportDone(target)),
    ...(opts.write ? writeCheckSteps<GraphContext & WriteCheckContext>(['calendar.view']) : []),
  ];
  return run(specs, ctx, deps, opts, () => write.close(ctx));
}

/** The writer the write-check steps use (made on first use) and the clean-up that follows them. */
function writeParts(profile: Profile, deps: DoctorDeps, opts: DoctorOptions) {
  let made: Promise<CalendarWriter> | undefined;
  const writer = (): Promise<CalendarWriter> => {
    if (!deps.createWriter) throw new CalpumpError('internal.unexpected', { params: { text: 'doctor: createWriter=undefined' } });
    return (made ??= deps.createWriter(profile, deps));
  };
  return {
    writer,
    async close(ctx: WriteCheckContext) {
      if (!opts.write) return;
      await cleanUpWriteCheck(ctx);
      if (made) await (await made.catch(() => undefined))?.close().catch(() => undefined);
    },
  };
}

/** Runs the steps, then closes the HTTP client the steps opened (and whatever else the caller names). */
async function run<C extends { client?: { close(): void } }>(
  specs: StepSpec<C>[],
  ctx: C,
  deps: DoctorDeps,
  opts: DoctorOptions,
  close?: () => Promise<void>,
): Promise<TestStep[]> {
  try {
    return await runSteps(specs, ctx, { clock: deps.clock, onStep: opts.onStep, signal: opts.signal });
  } finally {
    ctx.client?.close();
    await close?.();
  }
}

function common(profile: Profile, deps: DoctorDeps, mailbox: string | undefined) {
  const now = deps.now ?? (() => new Date());
  return {
    profileId: profile.id,
    tls: profile.tls,
    proxy: profile.proxy,
    secrets: deps.secrets,
    env: deps.env ?? process.env,
    resolver: deps.resolver,
    timeoutMs: Math.min(deps.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS, DOCTOR_TIMEOUT_MS),
    now,
    mailbox,
    logger: deps.logger,
    day: startOfUtcDay(now()),
  };
}
