// Drives main() in-process: own streams, stdin, env and a temp config folder; a fake connector stands in for
// Exchange where a test is about the CLI rather than the protocol.
import { expect } from 'vitest';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Connector } from '../../../src/core/connectors/connector.js';
import type { ConnectorDeps } from '../../../src/core/connectors/deps.js';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { ServerWaits } from '../../../src/core/net/server-wait.js';
import { main, type MainOverrides } from '../../../src/headless/cli/main.js';
import type { Folder, Mailbox, NormalisedEvent, TestStep } from '../../../src/shared/model.js';
import { secretKey, type EwsProfile, type Profile } from '../../../src/shared/profile.js';
import type { BrokenProfile } from '../../../src/core/store/profile-store.js';
import type { ExportReport } from '../../../src/core/sync/adhoc-export.js';
import { parseJson, readJson } from '../../support/typed-json.js';

export const PASSWORD = 'Passw0rd!-cli-7f3a';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A run's --json output as the shape the test expects (see test/support/typed-json.ts). */
export function cliJson<T>(r: Pick<CliResult, 'stdout'>): T {
  return parseJson<T>(r.stdout);
}

/** What `profiles show|add|edit --json` print. */
export interface ProfileJson<P extends Profile = EwsProfile> {
  profile: P;
  secrets: Record<string, string>;
}

/** What `profiles list --json` prints. */
export interface ProfileListJson {
  profiles: Profile[];
  broken: BrokenProfile[];
}

/** What `export --json` prints. */
export interface ExportJson extends ExportReport {
  ok: boolean;
  from: string;
  to: string;
  format: string;
  dryRun: boolean;
}

/** The events of a JSON export file, in either of its layouts (a bare array, or an object with `events`). */
export async function readExportedEvents(file: string): Promise<NormalisedEvent[]> {
  const written = await readJson<NormalisedEvent[] | { events: NormalisedEvent[] }>(file);
  return Array.isArray(written) ? written : written.events;
}

export async function tempConfigDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'calpump-cli-'));
}

export async function runCli(argv: string[], opts: MainOverrides & { input?: string } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const { input, ...overrides } = opts;
  const code = await main(argv, {
    stdout: { write: (c: string) => (stdout += c) },
    stderr: { write: (c: string) => (stderr += c) },
    stdin: Readable.from(input === undefined ? [] : [input]) as unknown as NodeJS.ReadableStream,
    env: {},
    now: () => new Date('2026-03-10T12:00:00Z'),
    ...overrides,
  });
  return { code, stdout, stderr };
}

/** Every file under a folder, recursively, with its text. */
export async function allFiles(dir: string): Promise<Array<{ path: string; text: string }>> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of await readdir(dir)) {
    const p = join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...(await allFiles(p)));
    else out.push({ path: p, text: await readFile(p, 'latin1') });
  }
  return out;
}

export const MAILBOXES: Mailbox[] = [
  { id: '1', displayName: 'Anna Schmidt', smtp: 'anna.schmidt@contoso.com', upn: 'anna.schmidt@contoso.com', kind: 'user' },
  { id: '2', displayName: 'Bob Jones', smtp: 'bob.jones@contoso.com', upn: 'b.jones@corp.contoso.local', kind: 'user' },
  { id: '3', displayName: 'Room Amsterdam', smtp: 'room.amsterdam@contoso.com', kind: 'room' },
  { id: '4', displayName: 'Beamer 1', smtp: 'beamer1@contoso.com', kind: 'equipment' },
  { id: '5', displayName: 'Room Berlin', smtp: 'room.berlin@contoso.com', kind: 'room' },
];

export const FOLDERS: Folder[] = [
  { id: 'cal', name: 'Kalender', path: 'Kalender', kind: 'calendar', distinguishedId: 'calendar', totalCount: 42, childCount: 2 },
  { id: 'p1', parentId: 'cal', name: 'Projekte', path: 'Kalender/Projekte', kind: 'calendar', totalCount: 3, childCount: 1 },
  { id: 'p2', parentId: 'p1', name: 'Alt', path: 'Kalender/Projekte/Alt', kind: 'calendar', totalCount: 0, childCount: 0 },
  { id: 'u1', parentId: 'cal', name: 'Urlaub', path: 'Kalender/Urlaub', kind: 'calendar', totalCount: 7, childCount: 0 },
];

export function event(n: number, subject = `Meeting ${n}`): NormalisedEvent {
  const start = new Date(Date.UTC(2026, 2, 10 + n, 9));
  return {
    id: `ev-${n}`,
    iCalUId: `uid-${n}@contoso.com`,
    subject,
    start: start.toISOString(),
    end: new Date(start.getTime() + 3_600_000).toISOString(),
    timeZone: 'Europe/Berlin',
    isAllDay: false,
    location: 'Room Amsterdam',
    showAs: 'busy',
    sensitivity: 'normal',
    isCancelled: false,
    categories: [],
    lastModified: '2026-03-01T00:00:00.000Z',
  };
}

export interface FakeOptions {
  /** When set, every call fails as if the host could not be reached. */
  unreachable?: boolean;
  /** Thrown from any call (for unexpected-error tests). */
  crash?: Error;
  pageSize?: number;
  /** calendarView first meets a server-requested wait of this length (announced as the EWS transport does). */
  serverWaitMs?: number;
}

/**
 * A connector that behaves like the simulator's well-known accounts: the stored password must be PASSWORD,
 * and only the mailboxes in MAILBOXES exist. Records what it was asked.
 */
export function fakeFactory(fake: FakeOptions = {}) {
  const calls: string[] = [];
  const factory = async (profile: Profile, deps: ConnectorDeps): Promise<Connector> => {
    const check = async (mailbox?: string) => {
      if (fake.crash) throw fake.crash;
      if (fake.unreachable)
        throw new CalpumpError('net.unreachable', { params: { host: '127.0.0.1:9', reason: 'ECONNREFUSED', proxy: 'none' } });
      const pw = await deps.secrets.get(secretKey(profile.id, 'password'));
      if (pw === undefined) throw new CalpumpError('secrets.missing', { params: { profile: profile.name, secret: 'password' } });
      deps.logger.registerSecret?.(pw);
      deps.logger.debug('fake.request', { authorization: `Basic ${Buffer.from(`svc:${pw}`).toString('base64')}`, note: `using ${pw}` });
      if (pw !== PASSWORD)
        throw new CalpumpError('ews.auth.unauthorized', {
          params: { username: profile.kind === 'ews' ? profile.username : '' },
          evidence: 'HTTP 401',
        });
      if (mailbox && !MAILBOXES.some((m) => m.smtp === mailbox))
        throw new CalpumpError('ews.mailbox.notFound', { params: { mailbox }, evidence: 'ErrorNonExistentMailbox' });
    };
    const serverWaits = new ServerWaits();
    return {
      kind: 'ews',
      serverWaits,
      async test(mailbox: string): Promise<TestStep[]> {
        calls.push(`test ${mailbox}`);
        const steps: TestStep[] = [{ id: 'tls', title: { key: 'TLS' }, status: 'pass', durationMs: 3, data: { issuer: 'Calpump Sim CA' } }];
        try {
          await check(mailbox);
          steps.push(
            { id: 'auth', title: { key: 'Sign-in' }, status: 'pass', durationMs: 5 },
            { id: 'mailbox', title: { key: 'Mailbox access' }, status: 'pass', durationMs: 7 },
          );
        } catch (e) {
          const info = (e as CalpumpError).info();
          steps.push({
            id: 'auth',
            title: { key: 'Sign-in' },
            status: 'fail',
            durationMs: 5,
            error: info,
            evidence: info.evidence,
          });
        }
        return steps;
      },
      async listMailboxes(search?: string, cursor?: string) {
        calls.push(`list ${search ?? ''} ${cursor ?? ''}`);
        await check();
        const matching = MAILBOXES.filter((m) => !search || `${m.displayName} ${m.smtp}`.toLowerCase().includes(search.toLowerCase()));
        const start = cursor ? Number(cursor) : 0;
        const size = fake.pageSize ?? 2;
        const next = start + size < matching.length ? String(start + size) : undefined;
        return { items: matching.slice(start, start + size), nextCursor: next };
      },
      async folderTree(mailbox: string, kinds?: string[]) {
        calls.push(`folders ${mailbox} ${kinds?.join(',') ?? ''}`);
        await check(mailbox);
        return FOLDERS;
      },
      async *calendarView(
        mailbox: string,
        folderId: string,
        from: Date,
        to: Date,
        opts?: { includeAttendees?: boolean; includeBody?: boolean; fields?: readonly string[] },
      ) {
        calls.push(`view ${mailbox} ${folderId} ${from.toISOString()} ${to.toISOString()}`);
        calls.push(`view options attendees=${opts?.includeAttendees !== false} body=${!!opts?.includeBody}`);
        if (opts?.fields) calls.push(`view fields ${[...opts.fields].sort().join(',')}`);
        if (fake.serverWaitMs) serverWaits.announce(deps.logger, { ms: fake.serverWaitMs, reason: 'ErrorServerBusy', mailbox });
        await check(mailbox);
        for (let i = 0; i < 3; i++) yield event(i, i === 0 ? `Standup ${mailbox}` : undefined);
      },
      async describe() {
        return { ewsUrl: profile.kind === 'ews' ? (profile.url ?? '') : '', proxy: 'none (direct)' };
      },
      async close() {
        calls.push('close');
      },
    };
  };
  return { factory, calls };
}

/** Adds the standard demo profile through the CLI itself. */
export async function addDemoProfile(dir: string, password = PASSWORD, extra: string[] = []): Promise<CliResult> {
  return runCli(
    [
      '--config-dir',
      dir,
      'profiles',
      'add',
      '--name',
      'demo',
      '--url',
      'https://127.0.0.1:8443/EWS/Exchange.asmx',
      '--username',
      'svc-calpump@contoso.com',
      '--auth',
      'basic',
      '--password-stdin',
      ...extra,
    ],
    { input: `${password}\n` },
  );
}

/** Adds an EWS profile for the simulator (service account, Basic, its CA) through `run`, asserting it succeeded. */
export async function addSimProfile(
  run: (argv: string[], input?: string) => Promise<CliResult>,
  sim: { ewsUrl: string; caFile?: string },
  name = 'sim',
): Promise<void> {
  const argv = ['profiles', 'add', '--name', name, '--url', sim.ewsUrl, '--username', 'svc-calpump@contoso.com'];
  const add = await run([...argv, '--auth', 'basic', '--password-stdin', '--ca-file', sim.caFile!], 'Passw0rd!\n');
  expect(add.code, add.stderr).toBe(0);
}
