// Contacts and tasks as CSV (issue 16 item 2) through the real EWS connector and the simulator: the seeded folders
// read back with csv-parse (not ours) match the simulator's data field by field; commas, semicolons, quotes, line
// breaks and non-ASCII text survive; cells a spreadsheet would run get a leading quote unless the job keeps formulas.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/job.js';
import { expectedContacts, expectedTasks } from '../../../src/sim/index.js';
import { csvRows, contactOfCsv, taskOfCsv } from '../../support/item-readers.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR, startPumpSim, type PumpSim } from '../../support/sim-pump.js';

const MAILBOXES = ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'];
const rows = (h: Harness, dir: string, mailbox: string, folder: string) => csvRows(join(h.dir, dir, `${mailbox}__${folder}.csv`));

describe('contacts and tasks as CSV', () => {
  let ps: PumpSim;
  let h: Harness;
  let contacts: Job;
  let tasks: Job;
  let rawContacts: Job;

  beforeAll(async () => {
    ps = await startPumpSim({ eventsPerMailbox: 2 });
    h = await createHarness(SIM_ANCHOR);
    const base = { mailboxes: { mode: 'list', list: MAILBOXES }, filters: { includeBody: true }, format: 'csv' };
    const job = (id: string, content: string, extra: Record<string, unknown> = {}) =>
      h.job({ ...base, id, name: id, content, target: { kind: 'folder', path: join(h.dir, id) }, ...extra });
    contacts = job('contacts', 'contacts');
    tasks = job('tasks', 'tasks');
    rawContacts = job('raw', 'contacts', { csv: { keepFormulas: true } });
  });
  afterAll(async () => {
    await Promise.all([ps?.stop(), h?.cleanup()]);
  });

  it('exports the seeded contacts and tasks field by field', async () => {
    const connector = ps.connector();
    for (const job of [contacts, tasks]) expect((await h.run(job, connector)).record.status).toBe('ok');
    for (const m of MAILBOXES) {
      const c = await rows(h, 'contacts', m, 'contacts');
      expect(c.every((r) => r.mailbox === m && r.folder === 'contacts')).toBe(true);
      expect(c.map(contactOfCsv)).toEqual(expectedContacts(ps.sim.world, m, 'contacts', true));
      expect(c).toHaveLength(3);
      // A phone number starting with + would be a formula in a spreadsheet.
      expect(c.find((r) => r.displayName === 'Plumber (emergency)')?.mobilePhones).toBe("'+44 7700 900123");
      const t = await rows(h, 'tasks', m, 'tasks');
      expect(t.map(taskOfCsv)).toEqual(expectedTasks(ps.sim.world, m, 'tasks', true));
      expect(t).toHaveLength(5);
    }
  });

  it('keeps commas, semicolons, quotes, line breaks and non-ASCII text, and neutralises formulas unless told', async () => {
    const [anna] = MAILBOXES;
    const world = ps.sim.world;
    const contact = [...world.items.values()].find((i) => i.mailbox === anna && i.kind === 'contact' && i.displayName === 'Jürgen Weiß')!;
    world.mutate.updateItem(contact.id, {
      displayName: '=HYPERLINK("https://evil.example","click")',
      companyName: '@SUM(A1:A9)',
      jobTitle: 'Sales; "Nord", Süd',
      department: '-2+3',
      notes: 'Zeile 1\nZeile 2\r\nZeile 3, mit Komma; und Semikolon',
      surname: 'Ñúñez 日本',
    });
    const connector = ps.connector();
    for (const job of [contacts, rawContacts]) expect((await h.run(job, connector)).record.status).toBe('ok');
    const safe = (await rows(h, 'contacts', anna, 'contacts')).find((r) => r.id === contact.id)!;
    expect(safe.displayName).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(safe.companyName).toBe(`'@SUM(A1:A9)`);
    expect(safe.department).toBe(`'-2+3`);
    expect(safe.jobTitle).toBe('Sales; "Nord", Süd');
    expect(safe.notes).toBe('Zeile 1\nZeile 2\r\nZeile 3, mit Komma; und Semikolon');
    expect(safe.surname).toBe('Ñúñez 日本');
    const kept = (await rows(h, 'raw', anna, 'contacts')).find((r) => r.id === contact.id)!;
    expect(kept.displayName).toBe('=HYPERLINK("https://evil.example","click")');
    expect(kept.companyName).toBe('@SUM(A1:A9)');
    expect(kept.businessPhones).toBe('+49 30 1234567; +49 30 1234568');
    expect((await rows(h, 'raw', anna, 'contacts')).map(contactOfCsv)).toEqual(expectedContacts(world, anna, 'contacts', true));
  });
});
