// The presence job runner over a scripted connector: one <mailbox>.json per mailbox with the saved table's
// statuses, recomputed each run; a failing mailbox keeps its last good file and is in the run record; a missing
// table or a non-folder target fails the run with a clear error.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { rendered } from '../../support/rendered.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/core/connectors/connector.js';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { presenceDocumentName, runPresenceJob } from '../../../src/core/presence/run-presence-job.js';
import { parseRuleTable } from '../../../src/core/presence/presence-rules.js';
import { jobSchema, type PumpEvent } from '../../../src/shared/job.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';
import { readJson } from '../../support/typed-json.js';
import { objectContaining } from '../../support/typed-expect.js';

/** The parts of a presence document these tests read. */
interface PresenceFile {
  current: { status: string };
  upcoming: Array<{ status: string }>;
}

const NOW = new Date('2026-03-10T09:30:00.000Z');
const ev = (id: string, subject: string, start: string, end: string): NormalisedEvent => ({
  id,
  iCalUId: id,
  subject,
  start,
  end,
  timeZone: 'UTC',
  isAllDay: false,
  location: '',
  showAs: 'busy',
  sensitivity: 'normal',
  isCancelled: false,
  categories: [],
  lastModified: '',
});
const calendars: Record<string, NormalisedEvent[]> = {
  'anna@contoso.com': [
    ev('a1', 'Sales call', '2026-03-10T09:00:00.000Z', '2026-03-10T10:00:00.000Z'),
    ev('a2', 'Review', '2026-03-10T11:00:00.000Z', '2026-03-10T12:00:00.000Z'),
  ],
  'jan@contoso.com': [],
};
let failing = new Set<string>();
const connector = {
  kind: 'ews',
  async *calendarView(mailbox: string, _f: string, _from: Date, _to: Date, o?: { includeAttendees?: boolean }) {
    if (o?.includeAttendees !== false) throw new Error('presence must not ask for attendees');
    if (failing.has(mailbox) || !calendars[mailbox]) throw new CalpumpError('ews.mailbox.notFound', { params: { mailbox } });
    for (const e of calendars[mailbox]) yield e;
  },
  async close() {},
} as unknown as Connector;

const table = parseRuleTable(
  {
    rules: [
      { name: 'call', subject: '*call*', status: 'OnThePhone' },
      { name: 'busy', showAs: 'busy', status: 'Busy' },
    ],
    idleStatus: 'Free',
  },
  'test',
);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calpump-presence-job-'));
  failing = new Set();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const job = (over: Record<string, unknown> = {}) =>
  jobSchema.parse({
    id: 'j1',
    type: 'presence',
    presence: { table: 'signs' },
    name: 'Signs',
    profile: 'p',
    mailboxes: { mode: 'list', list: ['anna@contoso.com', 'jan@contoso.com', 'ghost@contoso.com'] },
    target: { kind: 'folder', path: dir },
    ...over,
  });
const deps = (events: PumpEvent[] = []) => ({
  connector,
  logger: nullLogger,
  now: () => NOW,
  onEvent: (e: PumpEvent) => events.push(e),
  presenceTable: async (name: string) => {
    if (name !== 'signs') throw new CalpumpError('presence.rules.notFound', { params: { name, known: 'default, signs' } });
    return table;
  },
});

describe('runPresenceJob', () => {
  it("writes <mailbox>.json with the saved table's statuses; a failing mailbox is in the record, the others written", async () => {
    const events: PumpEvent[] = [];
    const { record } = await runPresenceJob(job(), deps(events));
    expect(record).toMatchObject({ status: 'partial', mailboxesOk: 2, mailboxesFailed: 1, itemsWritten: 2 });
    expect(record.errors).toEqual([
      expect.objectContaining({ mailbox: 'ghost@contoso.com', error: objectContaining({ id: 'ews.mailbox.notFound' }) }),
    ]);
    expect((await readdir(dir)).sort()).toEqual(['anna@contoso.com.json', 'jan@contoso.com.json']);
    expect(record.mailboxes.map((m) => [m.mailbox, m.ok, m.itemsWritten])).toEqual([
      ['anna@contoso.com', true, 1],
      ['jan@contoso.com', true, 1],
      ['ghost@contoso.com', false, 0],
    ]);
    expect(record.outputs.map((o) => [o.mailbox, o.path])).toEqual([
      ['anna@contoso.com', join(dir, 'anna@contoso.com.json')],
      ['jan@contoso.com', join(dir, 'jan@contoso.com.json')],
    ]);
    expect(record.feeds.map((f) => f.path)).toEqual(['/feeds/Signs/anna%40contoso.com.json', '/feeds/Signs/jan%40contoso.com.json']);
    const anna = await readJson<PresenceFile>(join(dir, presenceDocumentName('Anna@Contoso.com')));
    expect(anna).toMatchObject({
      mailbox: 'anna@contoso.com',
      computedAt: NOW.toISOString(),
      table: 'signs',
      status: 'OnThePhone',
      until: '2026-03-10T10:00:00.000Z',
      current: { status: 'OnThePhone', start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T10:00:00.000Z', rule: 'call' },
    });
    expect(anna.upcoming.map((s) => s.status)).toEqual(['Free', 'Busy', 'Free']);
    const jan = await readJson<PresenceFile>(join(dir, 'jan@contoso.com.json'));
    expect(jan.current.status).toBe('Free');
    expect(events.filter((e) => e.type === 'mailbox.progress')).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'job.finished' });
  });

  it('recomputes on each run, and a mailbox that fails later keeps its last good file', async () => {
    await runPresenceJob(job(), deps());
    const before = await readFile(join(dir, 'anna@contoso.com.json'), 'utf8');
    failing.add('anna@contoso.com');
    calendars['jan@contoso.com'] = [ev('j1', 'Board', '2026-03-10T09:00:00.000Z', '2026-03-10T09:45:00.000Z')];
    const { record } = await runPresenceJob(job(), deps());
    expect(record.mailboxesFailed).toBe(2);
    expect(await readFile(join(dir, 'anna@contoso.com.json'), 'utf8')).toBe(before);
    expect((await readJson<PresenceFile>(join(dir, 'jan@contoso.com.json'))).current.status).toBe('Busy');
    calendars['jan@contoso.com'] = [];
  });

  it('a dry run writes nothing; an unknown table or a webhook target fails the run with a clear error', async () => {
    const dry = await runPresenceJob(job(), deps(), { dryRun: true });
    expect(dry.record.mailboxesOk).toBe(2);
    expect(await readdir(dir)).toEqual([]);
    const missing = await runPresenceJob(job({ presence: { table: 'lobby' } }), deps());
    expect(missing.record.status).toBe('failed');
    expect(missing.record.errors[0].error.id).toBe('presence.rules.notFound');
    expect(rendered(missing.record.errors[0].error).message).toContain('lobby');
    const webhook = await runPresenceJob(job({ target: { kind: 'sqlite', path: join(dir, 'x.db') } }), deps());
    expect(webhook.record.errors[0].error).toMatchObject({ id: 'input.invalid' });
    expect(rendered(webhook.record.errors[0].error).message).toContain('folder target');
  });

  it('without a rule store only the built-in "default" table exists', async () => {
    const { record } = await runPresenceJob(job({ presence: {} }), { connector, logger: nullLogger, now: () => NOW });
    expect(record.mailboxesOk).toBe(2);
    const anna = await readJson<PresenceFile>(join(dir, 'anna@contoso.com.json'));
    expect(anna).toMatchObject({ table: 'default', current: { status: 'InACall' } });
  });
});
