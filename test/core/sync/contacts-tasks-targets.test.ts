// Contacts and tasks beyond the folder target (issue 16 item 2), through the real EWS connector and the simulator:
// a webhook receives each change once, signed, items as in the JSON export; SQLite's `contacts` and `tasks` tables
// hold the documented columns, read back with the sqlite3 tool (not our driver); edits upsert and deletes remove rows.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderedItem } from '../../../src/core/export/item-formats/index.js';
import type { Job } from '../../../src/shared/job.js';
import { expectedContacts, expectedTasks } from '../../../src/sim/index.js';
import { createHarness, WEBHOOK_SECRET, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR, startPumpSim, type PumpSim } from '../../support/sim-pump.js';
import { parseJson } from '../../support/typed-json.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';

const run = promisify(execFile);
const MAILBOXES = ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'];

/** Code-point order, as the export sorts ids. */
const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => (String(a.id) < String(b.id) ? -1 : 1);

async function sqlite<T>(file: string, sql: string): Promise<T[]> {
  const { stdout } = await run('sqlite3', ['-json', file, sql]);
  return stdout.trim() ? parseJson<T[]>(stdout) : [];
}

describe('contacts and tasks to a webhook and to SQLite', () => {
  let ps: PumpSim;
  let h: Harness;
  let rx: WebhookReceiver;
  const jobs: Record<string, Job> = {};
  const db = () => join(h.dir, 'items.db');

  beforeAll(async () => {
    [ps, h, rx] = await Promise.all([
      startPumpSim({ eventsPerMailbox: 2 }),
      createHarness(SIM_ANCHOR),
      startWebhookReceiver(WEBHOOK_SECRET),
    ]);
    const base = { mailboxes: { mode: 'list', list: MAILBOXES }, filters: { includeBody: true } };
    for (const content of ['contacts', 'tasks']) {
      jobs[`${content}-webhook`] = h.job({
        ...base,
        id: `${content}-w`,
        name: `${content}-w`,
        content,
        target: { kind: 'webhook', url: rx.url, batchSize: 2 },
      });
      jobs[`${content}-sqlite`] = h.job({
        ...base,
        id: `${content}-s`,
        name: `${content}-s`,
        content,
        target: { kind: 'sqlite', path: db() },
      });
    }
  });
  afterAll(async () => {
    await Promise.all([ps?.stop(), h?.cleanup(), rx?.close()]);
  });

  const runAll = async () => {
    const written: Record<string, number> = {};
    for (const [name, job] of Object.entries(jobs)) {
      const r = await h.run(job, ps.connector());
      expect(r.record.status).toBe('ok');
      written[name] = r.record.itemsWritten;
    }
    return written;
  };

  const expectTargetsToHoldTheWorld = async () => {
    const world = ps.sim.world;
    const state = rx.state();
    for (const m of MAILBOXES) {
      const contacts = expectedContacts(world, m, 'contacts', true);
      const tasks = expectedTasks(world, m, 'tasks', true);
      expect([...(state.get(`${m}/contacts`)?.values() ?? [])].sort(byId)).toEqual(contacts.map(orderedItem));
      expect([...(state.get(`${m}/tasks`)?.values() ?? [])].sort(byId)).toEqual(tasks.map(orderedItem));
      const rows = await sqlite<Record<string, string | null>>(db(), `select * from contacts where mailbox = '${m}' order by item_id`);
      expect(rows.map((r) => parseJson<unknown>(r.json!))).toEqual(contacts.map(orderedItem));
      expect(
        rows.map((r) => ({
          id: r.item_id,
          displayName: r.display_name,
          surname: r.surname,
          companyName: r.company_name,
          emails: parseJson<Array<{ address: string }>>(r.emails!).map((e) => e.address),
          phones: parseJson<unknown[]>(r.phones!),
          birthday: r.birthday ?? undefined,
          categories: parseJson<string[]>(r.categories!),
          notes: r.notes,
          lastModified: r.last_modified,
        })),
      ).toEqual(
        contacts.map((c) => ({
          id: c.id,
          displayName: c.displayName,
          surname: c.surname,
          companyName: c.companyName,
          emails: c.emails.map((e) => e.address),
          phones: c.phones,
          birthday: c.birthday,
          categories: c.categories,
          notes: c.notes,
          lastModified: c.lastModified,
        })),
      );
      const taskRows = await sqlite<Record<string, string | null>>(db(), `select * from tasks where mailbox = '${m}' order by item_id`);
      expect(
        taskRows.map((r) => ({
          id: r.item_id,
          subject: r.subject,
          status: r.status,
          importance: r.importance,
          due: r.due_date ?? undefined,
        })),
      ).toEqual(tasks.map((t) => ({ id: t.id, subject: t.subject, status: t.status, importance: t.importance, due: t.dueDate })));
    }
  };

  it('delivers every item once and fills the tables field by field', async () => {
    await runAll();
    for (const d of rx.unique()) {
      expect(d.signatureOk).toBe(true);
      expect(d.body.upserts.length + d.body.deletes.length).toBeLessThanOrEqual(2);
    }
    await expectTargetsToHoldTheWorld();
    const state = await sqlite<{ job_id: string; items: number }>(db(), 'select job_id, items from sync_state order by job_id, mailbox');
    expect(state.map((s) => [s.job_id, s.items])).toEqual([
      ['contacts-s', 3],
      ['contacts-s', 3],
      ['tasks-s', 5],
      ['tasks-s', 5],
    ]);
  });

  it('sends and writes nothing when nothing changed, then an edit as an upsert and a deletion as a delete', async () => {
    const before = rx.unique().length;
    expect(Object.values(await runAll())).toEqual([0, 0, 0, 0]);
    expect(rx.unique().length).toBe(before);

    const world = ps.sim.world;
    const mine = [...world.items.values()].filter((i) => i.mailbox === MAILBOXES[0]);
    const contact = mine.find((i) => i.kind === 'contact')!;
    const task = mine.find((i) => i.kind === 'task')!;
    world.mutate.updateItem(contact.id, { jobTitle: 'Geschäftsführerin; Vertrieb, Süd' });
    world.mutate.deleteItem(task.id);
    expect(await runAll()).toEqual({ 'contacts-webhook': 1, 'contacts-sqlite': 1, 'tasks-webhook': 1, 'tasks-sqlite': 1 });
    const last = rx.unique().slice(before);
    expect(last.map((d) => [d.body.folder, d.body.upserts.map((u) => u.id), d.body.deletes])).toEqual([
      ['contacts', [contact.id], []],
      ['tasks', [], [task.id]],
    ]);
    await expectTargetsToHoldTheWorld();
  });
});
