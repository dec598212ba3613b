// Tasks as iCalendar VTODO (issue 16 item 2) through the real EWS connector and the simulator, read back with
// Python's icalendar (not ours): every seeded task comes back field by field, and commas, semicolons, line breaks
// and non-ASCII text in a subject or body survive the escaping and line folding.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/job.js';
import { expectedTasks } from '../../../src/sim/index.js';
import { readVtodos, taskOfVtodo } from '../../support/item-readers.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR, startPumpSim, type PumpSim } from '../../support/sim-pump.js';

const MAILBOXES = ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'];

describe('tasks as iCalendar VTODO', () => {
  let ps: PumpSim;
  let h: Harness;
  let tasks: Job;
  const fileOf = (m: string) => join(h.dir, 't', `${m}__tasks.ics`);

  beforeAll(async () => {
    ps = await startPumpSim({ eventsPerMailbox: 2 });
    h = await createHarness(SIM_ANCHOR);
    tasks = h.job({
      mailboxes: { mode: 'list', list: MAILBOXES },
      filters: { includeBody: true },
      format: 'ics',
      id: 'tasks',
      name: 'tasks',
      content: 'tasks',
      target: { kind: 'folder', path: join(h.dir, 't') },
    });
  });
  afterAll(async () => {
    await Promise.all([ps?.stop(), h?.cleanup()]);
  });

  it('exports the seeded tasks field by field', async () => {
    expect((await h.run(tasks, ps.connector())).record.status).toBe('ok');
    for (const m of MAILBOXES) {
      const t = await readVtodos(fileOf(m));
      expect(t.map(taskOfVtodo)).toEqual(expectedTasks(ps.sim.world, m, 'tasks', true));
      expect(t).toHaveLength(5);
    }
  });

  it('escapes commas, semicolons, line breaks and non-ASCII text, folding long lines', async () => {
    const [anna] = MAILBOXES;
    const world = ps.sim.world;
    const task = [...world.items.values()].find((i) => i.mailbox === anna && i.kind === 'task')!;
    const subject = 'Angebot, Müller; "Söhne" \\ 日本語 – '.repeat(4);
    world.mutate.updateItem(task.id, { subject, body: 'Zeile 1\nZeile 2, mit Komma; und Semikolon', categories: ['A, B', 'C;D'] });
    expect((await h.run(tasks, ps.connector())).record.itemsWritten).toBe(1);
    const t = (await readVtodos(fileOf(anna))).find((x) => x.id === task.id)!;
    expect(t.subject).toBe(subject);
    expect(t.body).toBe('Zeile 1\nZeile 2, mit Komma; und Semikolon');
    // Python's icalendar splits CATEGORIES at every comma, escaped or not: the escaping is checked on the text.
    expect(await readFile(fileOf(anna), 'utf8')).toContain('CATEGORIES:A\\, B,C\\;D\r\n');
    world.mutate.updateItem(task.id, { categories: ['C;D'] });
    await h.run(tasks, ps.connector());
    expect((await readVtodos(fileOf(anna))).map(taskOfVtodo)).toEqual(expectedTasks(world, anna, 'tasks', true));
  });
});
