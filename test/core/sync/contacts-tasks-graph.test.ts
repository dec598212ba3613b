// Acceptance (issue 16, contacts and tasks, Microsoft Graph): contacts and tasks jobs against the simulator through
// the real Graph connector write what the simulator holds, field by field, as JSON, CSV and (tasks) VTODO; a second
// run with no change costs one delta request per folder; an edit and a deletion reach the output on the next run;
// an app without Contacts.Read or Tasks.Read.All gets that permission named, and a mailbox outside the app's
// access policy fails alone while the others are exported.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/job.js';
import { expectedContacts, expectedTasks, startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_DAEMON, simTenant } from '../../../src/sim/oauth/index.js';
import { simGraphConnector } from '../connectors/graph/support.js';
import { contactOfCsv, csvRows, readVtodos, taskOfCsv, taskOfVtodo } from '../../support/item-readers.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR } from '../../support/sim-pump.js';

const MAILBOXES = ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'];

const read = async (path: string): Promise<unknown[]> => JSON.parse(await readFile(path, 'utf8')) as unknown[];
const graphRequests = (sim: RunningSimulator) =>
  Object.entries(sim.counters.byOperation)
    .filter(([op]) => op.startsWith('Graph:'))
    .reduce((n, [, c]) => n + c, 0);

describe('contacts and tasks through Microsoft Graph', () => {
  let sim: RunningSimulator;
  let h: Harness;
  const jobs: Record<string, Job> = {};
  const out = (id: string, mailbox: string, folder: string, ext: string) => join(h.dir, id, `${mailbox}__${folder}.${ext}`);

  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, anchor: new Date(SIM_ANCHOR), eventsPerMailbox: 2 });
    h = await createHarness(SIM_ANCHOR);
    const job = (id: string, content: string, format: string, list = MAILBOXES) =>
      (jobs[id] = h.job({
        id,
        name: id,
        content,
        format,
        profile: 'm365-sim',
        mailboxes: { mode: 'list', list },
        filters: { includeBody: true },
        target: { kind: 'folder', path: join(h.dir, id) },
      }));
    job('contacts', 'contacts', 'json');
    job('tasks', 'tasks', 'json');
    job('contactsCsv', 'contacts', 'csv');
    job('tasksCsv', 'tasks', 'csv');
    job('tasksIcs', 'tasks', 'ics');
    job('scoped', 'contacts', 'json', ['carol.evans@contoso.com', 'anna.schmidt@contoso.com']);
  });
  afterAll(async () => {
    await Promise.all([sim?.stop(), h?.cleanup()]);
  });

  it('exports the seeded contacts and tasks field by field, as JSON, CSV and VTODO', async () => {
    const { connector } = await simGraphConnector(sim);
    for (const id of ['contacts', 'tasks', 'contactsCsv', 'tasksCsv', 'tasksIcs']) {
      const r = await h.run(jobs[id], connector);
      expect(r.record.errors).toEqual([]);
      expect(r.record.status).toBe('ok');
    }
    await connector.close();
    for (const m of MAILBOXES) {
      const contacts = expectedContacts(sim.world, m, 'contacts', true);
      const tasks = expectedTasks(sim.world, m, 'tasks', true);
      expect(contacts).toHaveLength(3);
      expect(tasks).toHaveLength(5);
      expect(await read(out('contacts', m, 'contacts', 'json'))).toEqual(contacts);
      expect(await read(out('tasks', m, 'tasks', 'json'))).toEqual(tasks);
      expect((await csvRows(out('contactsCsv', m, 'contacts', 'csv'))).map(contactOfCsv)).toEqual(contacts);
      expect((await csvRows(out('tasksCsv', m, 'tasks', 'csv'))).map(taskOfCsv)).toEqual(tasks);
      expect((await readVtodos(out('tasksIcs', m, 'tasks', 'ics'))).map(taskOfVtodo)).toEqual(tasks);
    }
  });

  it('makes one delta request per folder when nothing changed, and brings changes on the next run', async () => {
    const { connector } = await simGraphConnector(sim);
    sim.counters.reset();
    for (const id of ['contacts', 'tasks']) {
      const r = await h.run(jobs[id], connector);
      expect(r.record.status).toBe('ok');
      expect(r.record.itemsWritten).toBe(0);
    }
    expect(sim.counters.operation('Graph:contactsDelta')).toBe(2);
    expect(sim.counters.operation('Graph:todoTasksDelta')).toBe(2);
    expect(graphRequests(sim)).toBe(4);
    for (const m of MAILBOXES) {
      expect(sim.counters.folder(m, 'contacts')).toBe(1);
      expect(sim.counters.folder(m, 'tasks')).toBe(1);
    }

    const world = sim.world;
    const [anna] = MAILBOXES;
    const mine = [...world.items.values()].filter((i) => i.mailbox === anna);
    const contact = mine.find((i) => i.kind === 'contact')!;
    const task = mine.find((i) => i.kind === 'task')!;
    world.mutate.updateItem(contact.id, { jobTitle: 'Geschäftsführer', phones: [{ type: 'home', number: '+49 30 999' }] });
    world.mutate.deleteItem(task.id);
    const r1 = await h.run(jobs.contacts, connector);
    const r2 = await h.run(jobs.tasks, connector);
    expect(r1.record.itemsWritten).toBe(1);
    expect(r2.record.itemsWritten).toBe(1);
    expect(await read(out('contacts', anna, 'contacts', 'json'))).toEqual(expectedContacts(world, anna, 'contacts', true));
    const t = await read(out('tasks', anna, 'tasks', 'json'));
    expect(t).toEqual(expectedTasks(world, anna, 'tasks', true));
    expect(t).toHaveLength(4);
    await connector.close();
  });

  it('lists the Contacts folder and the To Do lists in the folder tree; a kind without permission is left out', async () => {
    const anna = 'anna.schmidt@contoso.com';
    const mb = sim.world.mailboxes.get(anna)!;
    const { connector } = await simGraphConnector(sim);
    expect(await connector.folderTree(anna, ['contacts', 'tasks'])).toEqual([
      {
        id: mb.distinguished.contacts,
        name: 'Kontakte',
        path: 'Kontakte',
        kind: 'contacts',
        distinguishedId: 'contacts',
        totalCount: 3,
        childCount: 0,
      },
      {
        id: mb.distinguished.tasks,
        name: 'Aufgaben',
        path: 'Aufgaben',
        kind: 'tasks',
        distinguishedId: 'tasks',
        totalCount: 0,
        childCount: 0,
      },
    ]);
    await connector.close();
    const app = simTenant(sim.world).apps.get(SIM_APP_DAEMON)!;
    const roles = [...app.roles];
    app.roles = roles.filter((r) => r !== 'Contacts.Read');
    try {
      const { connector: calendarOnly } = await simGraphConnector(sim);
      const kinds = (await calendarOnly.folderTree(anna, ['calendar', 'contacts', 'tasks'])).map((f) => f.kind);
      expect(kinds).toContain('calendar');
      expect(kinds).toContain('tasks');
      expect(kinds).not.toContain('contacts');
      await calendarOnly.close();
    } finally {
      app.roles = roles;
    }
  });

  it('names Contacts.Read and Tasks.Read.All when the app lacks them', async () => {
    const app = simTenant(sim.world).apps.get(SIM_APP_DAEMON)!;
    const roles = [...app.roles];
    app.roles = roles.filter((r) => r !== 'Contacts.Read' && r !== 'Tasks.Read.All');
    try {
      const { connector } = await simGraphConnector(sim);
      for (const [id, permission] of [
        ['contacts', 'Contacts.Read'],
        ['tasks', 'Tasks.Read.All'],
      ]) {
        const r = await h.run(jobs[id], connector);
        expect(r.record.status).toBe('failed');
        expect(r.record.errors).toHaveLength(MAILBOXES.length);
        for (const e of r.record.errors) expect(e.error).toMatchObject({ id: 'graph.permission.missing', params: { permission } });
      }
      await connector.close();
    } finally {
      app.roles = roles;
    }
  });

  it('fails a mailbox outside the access policy alone; the others are exported', async () => {
    const { connector } = await simGraphConnector(sim);
    const r = await h.run(jobs.scoped, connector);
    await connector.close();
    expect(r.record.errors).toHaveLength(1);
    expect(r.record.errors[0]).toMatchObject({ mailbox: 'carol.evans@contoso.com', error: { id: 'graph.mailbox.accessDenied' } });
    expect(r.record.mailboxesOk).toBe(1);
    const anna = 'anna.schmidt@contoso.com';
    expect(await read(out('scoped', anna, 'contacts', 'json'))).toEqual(expectedContacts(sim.world, anna, 'contacts', true));
  });
});
