// test(mailbox): the chain an administrator checks, in order, each step with evidence and — on failure — the
// catalogue id and fix. Never throws for a failed step; steps after a failure are skipped.
import type { TestStep } from '../../../shared/model.js';
import { CalpumpError, toCalpumpError } from '../../errors/calpump-error.js';
import { stepFailure } from '../../errors/step-failure.js';
import { findCalendarView } from './operations/find-calendar-view.js';
import { getFolder } from './operations/get-folder.js';
import { resolveNames } from './operations/resolve-names.js';
import type { EwsSession } from './session.js';

export interface TestEnvironment {
  /** Resolves the URL (autodiscover) and returns the session plus how the URL was found. */
  session(): Promise<EwsSession>;
  urlSource(): string;
  route(url: string): Promise<string>;
  tls: string;
  auth: string;
}

const DAY = 86_400_000;

class Steps {
  private readonly done: TestStep[] = [];
  private failed = false;
  /** Each step as it is recorded, in order. */
  readonly list = { push: (step: TestStep) => (this.done.push(step), this.onStep?.(step)) };

  constructor(private readonly onStep?: (step: TestStep) => void) {}

  get steps(): TestStep[] {
    return this.done;
  }

  async run<T>(id: string, title: string, fn: () => Promise<{ value: T; evidence: string }>): Promise<T | undefined> {
    if (this.failed) {
      this.list.push({ id, title, status: 'skipped', durationMs: 0 });
      return undefined;
    }
    const started = Date.now();
    try {
      const { value, evidence } = await fn();
      this.list.push({ id, title, status: 'pass', durationMs: Date.now() - started, evidence });
      return value;
    } catch (e) {
      this.fail(id, title, toCalpumpError(e), Date.now() - started);
      return undefined;
    }
  }

  pass(id: string, title: string, evidence: string): void {
    this.list.push({ id, title, status: this.failed ? 'skipped' : 'pass', durationMs: 0, evidence: this.failed ? undefined : evidence });
  }

  fail(id: string, title: string, err: CalpumpError, durationMs = 0): void {
    // Only the first failure is reported; later steps cannot mean anything once an earlier one failed.
    if (this.failed) {
      this.list.push({ id, title, status: 'skipped', durationMs: 0 });
      return;
    }
    const failure = stepFailure(err);
    this.list.push({
      id,
      title,
      status: 'fail',
      durationMs,
      ...failure,
      evidence: [failure.message, err.evidence].filter(Boolean).join(' — '),
    });
    this.failed = true;
  }
}

const NETWORK = /^net\./;
const BEFORE_AUTH = /^(ews\.auth\.|http\.|ews\.response\.malformed|ews\.xml\.unsafe|ews\.soap\.fault)/;

export async function runConnectionTest(env: TestEnvironment, mailbox: string, onStep?: (step: TestStep) => void): Promise<TestStep[]> {
  const steps = new Steps(onStep);
  const s = await steps.run('ews.url', 'Resolve the EWS URL', async () => {
    const session = await env.session();
    return { value: session, evidence: `${session.url} (${env.urlSource()})` };
  });
  if (!s) {
    for (const [id, title] of STEP_TITLES) steps.pass(id, title, '');
    return steps.steps;
  }
  const route = await env.route(s.url);
  const accessTitle = `Access to the mailbox ${mailbox} (${s.access})`;
  // The first real request proves connection, TLS, proxy and authentication at once; split its outcome.
  const started = Date.now();
  let accessEvidence = '';
  let firstError: CalpumpError | undefined;
  try {
    if (s.access === 'impersonation') {
      const root = await getFolder(s, mailbox, 'msgfolderroot');
      accessEvidence = `impersonated ${mailbox}; top of mailbox has ${root.childCount} folders`;
    } else {
      const names = await resolveNames(s, mailbox);
      const hit = names.find((n) => n.smtp.toLowerCase() === mailbox.toLowerCase());
      if (!hit)
        throw new CalpumpError('ews.mailbox.notFound', {
          params: { mailbox },
          evidence: `ResolveNames returned ${names.length} other results`,
        });
      accessEvidence = `${mailbox} resolves to ${hit.displayName}`;
    }
  } catch (e) {
    firstError = toCalpumpError(e);
  }
  const ms = Date.now() - started;
  const connectTitle = 'Connect (TLS and proxy)';
  const connectEvidence = `${new URL(s.url).host} via ${route}; TLS trust: ${env.tls}`;
  if (firstError && NETWORK.test(firstError.id)) steps.fail('net.connect', connectTitle, firstError, ms);
  else steps.pass('net.connect', connectTitle, connectEvidence);
  const authTitle = `Authenticate (${env.auth} as ${s.username})`;
  if (firstError && BEFORE_AUTH.test(firstError.id)) steps.fail('ews.auth', authTitle, firstError, ms);
  else steps.pass('ews.auth', authTitle, `${env.auth} accepted`);
  steps.pass(
    'ews.serverVersion',
    'Exchange server version',
    s.transport.serverVersion ? `Exchange ${s.transport.serverVersion}` : 'no ServerVersionInfo in the answer',
  );
  if (firstError) steps.fail('ews.mailboxAccess', accessTitle, firstError, ms);
  else steps.pass('ews.mailboxAccess', accessTitle, accessEvidence);
  await steps.run('ews.calendarFolder', 'Calendar folder readable', async () => {
    const f = await getFolder(s, mailbox, 'calendar');
    return { value: f, evidence: `"${f.name}" with ${f.totalCount} items, ${f.childCount} subfolders` };
  });
  await steps.run('ews.calendarView', 'One-day calendar view', async () => {
    const from = new Date(Math.floor(Date.now() / DAY) * DAY);
    const page = await findCalendarView(s, mailbox, 'calendar', from, new Date(from.getTime() + DAY), 100);
    return { value: page, evidence: `${page.items.length} items on ${from.toISOString().slice(0, 10)}` };
  });
  return steps.steps;
}

const STEP_TITLES: Array<[string, string]> = [
  ['net.connect', 'Connect (TLS and proxy)'],
  ['ews.auth', 'Authenticate'],
  ['ews.serverVersion', 'Exchange server version'],
  ['ews.mailboxAccess', 'Access to the mailbox'],
  ['ews.calendarFolder', 'Calendar folder readable'],
  ['ews.calendarView', 'One-day calendar view'],
];
