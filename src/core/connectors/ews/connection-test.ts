// test(mailbox): the chain an administrator checks, in order, each step with evidence and — on failure — the
// catalogue id and fix. Never throws for a failed step; steps after a failure are skipped.
import type { TextRef } from '../../../shared/errors.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import type { TestStep } from '../../../shared/model.js';
import { CalpumpError, toCalpumpError } from '../../errors/calpump-error.js';
import { findCalendarView } from './operations/find-calendar-view.js';
import { getFolder } from './operations/get-folder.js';
import { resolveNames } from './operations/resolve-names.js';
import type { EwsSession } from './session.js';

export interface TestEnvironment {
  /** Resolves the URL (autodiscover) and returns the session plus how the URL was found. */
  session(): Promise<EwsSession>;
  urlSource(): string;
  route(url: string): Promise<TextRef>;
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

  async run<T>(id: string, title: TextRef, fn: () => Promise<{ value: T; detail: TextRef; evidence?: string }>): Promise<T | undefined> {
    if (this.failed) {
      this.list.push({ id, title, status: 'skipped', durationMs: 0 });
      return undefined;
    }
    const started = Date.now();
    try {
      const { value, ...found } = await fn();
      this.list.push({ id, title, status: 'pass', durationMs: Date.now() - started, ...found });
      return value;
    } catch (e) {
      this.fail(id, title, toCalpumpError(e), Date.now() - started);
      return undefined;
    }
  }

  pass(id: string, title: TextRef, found: { detail?: TextRef; evidence?: string } = {}): void {
    this.list.push({ id, title, status: this.failed ? 'skipped' : 'pass', durationMs: 0, ...(this.failed ? {} : found) });
  }

  fail(id: string, title: TextRef, err: CalpumpError, durationMs = 0): void {
    // Only the first failure is reported; later steps cannot mean anything once an earlier one failed.
    if (this.failed) {
      this.list.push({ id, title, status: 'skipped', durationMs: 0 });
      return;
    }
    this.list.push({ id, title, status: 'fail', durationMs, error: err.info(), ...(err.evidence ? { evidence: err.evidence } : {}) });
    this.failed = true;
  }
}

const NETWORK = /^net\./;
const BEFORE_AUTH = /^(ews\.auth\.|http\.|ews\.response\.malformed|ews\.xml\.unsafe|ews\.soap\.fault)/;

export async function runConnectionTest(env: TestEnvironment, mailbox: string, onStep?: (step: TestStep) => void): Promise<TestStep[]> {
  const steps = new Steps(onStep);
  const s = await steps.run('ews.url', text('ews.step.url'), async () => {
    const session = await env.session();
    return { value: session, detail: text('ews.detail.url', { url: session.url }), evidence: env.urlSource() };
  });
  if (!s) {
    for (const [id, title] of LATER_STEPS) steps.pass(id, text(title));
    return steps.steps;
  }
  const route = await env.route(s.url);
  const accessTitle = text('ews.step.mailboxAccessOf', { mailbox, access: s.access });
  // The first real request proves connection, TLS, proxy and authentication at once; split its outcome.
  const started = Date.now();
  let accessDetail: TextRef | undefined;
  let firstError: CalpumpError | undefined;
  try {
    if (s.access === 'impersonation') {
      const root = await getFolder(s, mailbox, 'msgfolderroot');
      accessDetail = text('ews.detail.impersonated', { mailbox, count: root.childCount });
    } else {
      const names = await resolveNames(s, mailbox);
      const hit = names.find((n) => n.smtp.toLowerCase() === mailbox.toLowerCase());
      if (!hit)
        throw new CalpumpError('ews.mailbox.notFound', {
          params: { mailbox },
          evidence: `ResolveNames → ${
            names
              .slice(0, 5)
              .map((n) => n.smtp)
              .join(', ') || '-'
          }${names.length > 5 ? ', …' : ''}`,
        });
      accessDetail = text('ews.detail.resolves', { mailbox, name: hit.displayName });
    }
  } catch (e) {
    firstError = toCalpumpError(e);
  }
  const ms = Date.now() - started;
  const connectTitle = text('ews.step.connect');
  const connectEvidence = `${new URL(s.url).host}; TLS trust: ${env.tls}`;
  if (firstError && NETWORK.test(firstError.id)) steps.fail('net.connect', connectTitle, firstError, ms);
  else steps.pass('net.connect', connectTitle, { evidence: connectEvidence, detail: text('ews.detail.route', { route }) });
  const authTitle = text('ews.step.authAs', { scheme: env.auth, username: s.username });
  if (firstError && BEFORE_AUTH.test(firstError.id)) steps.fail('ews.auth', authTitle, firstError, ms);
  else steps.pass('ews.auth', authTitle, { detail: text('ews.detail.authAccepted', { scheme: env.auth }) });
  const version = s.transport.serverVersion;
  steps.pass('ews.serverVersion', text('ews.step.serverVersion'), {
    detail: version ? text('ews.detail.serverVersion', { version }) : text('ews.detail.noServerVersion'),
  });
  if (firstError) steps.fail('ews.mailboxAccess', accessTitle, firstError, ms);
  else steps.pass('ews.mailboxAccess', accessTitle, accessDetail && { detail: accessDetail });
  await steps.run('ews.calendarFolder', text('ews.step.calendarFolder'), async () => {
    const f = await getFolder(s, mailbox, 'calendar');
    return { value: f, detail: text('ews.detail.calendarFolder', { name: f.name, items: f.totalCount, folders: f.childCount }) };
  });
  await steps.run('ews.calendarView', text('ews.step.calendarView'), async () => {
    const from = new Date(Math.floor(Date.now() / DAY) * DAY);
    const page = await findCalendarView(s, mailbox, 'calendar', from, new Date(from.getTime() + DAY), 100);
    return { value: page, detail: text('ews.detail.calendarView', { count: page.items.length, date: from.toISOString().slice(0, 10) }) };
  });
  return steps.steps;
}

/** The steps after the URL, shown as skipped when the URL could not be resolved. */
const LATER_STEPS = [
  ['net.connect', 'ews.step.connect'],
  ['ews.auth', 'ews.step.auth'],
  ['ews.serverVersion', 'ews.step.serverVersion'],
  ['ews.mailboxAccess', 'ews.step.mailboxAccess'],
  ['ews.calendarFolder', 'ews.step.calendarFolder'],
  ['ews.calendarView', 'ews.step.calendarView'],
] as const;
