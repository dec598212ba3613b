// Skipped items in the run record (issue 14): a task moved into a Contacts folder is left out by the EWS reader of a
// contacts job; the run lists it — mailbox, folder, item id, subject, the catalogue reason with its params — keeps
// the count, reads as partial, still writes the contacts, and the record survives the run history's round trip.
// The list is bounded (the first 100) while the count goes on.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { skipSubject } from '../../../src/core/connectors/connector.js';
import { RunHistory } from '../../../src/core/store/run-history.js';
import { MAX_RECORDED_SKIPS, SkippedItems } from '../../../src/core/sync/run-record.js';
import { expectedContacts } from '../../../src/sim/index.js';
import type { SimTask } from '../../../src/sim/world/types.js';
import { objectContaining } from '../../support/typed-expect.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR, startPumpSim, type PumpSim } from '../../support/sim-pump.js';

const ANNA = 'anna.schmidt@contoso.com';

describe('skipped items in the run record', () => {
  let ps: PumpSim;
  let h: Harness;

  beforeAll(async () => {
    ps = await startPumpSim({ eventsPerMailbox: 2 });
    h = await createHarness(SIM_ANCHOR);
  });
  afterAll(async () => {
    await Promise.all([ps?.stop(), h?.cleanup()]);
  });

  it('lists a task found among contacts with where it is, its subject and why, and keeps it in the history', async () => {
    const world = ps.sim.world;
    const task = [...world.items.values()].find((i): i is SimTask => i.mailbox === ANNA && i.kind === 'task')!;
    const contactsFolder = [...world.items.values()].find((i) => i.mailbox === ANNA && i.kind === 'contact')!.folderId;
    world.mutate.moveItem(task.id, contactsFolder);
    const job = h.job({
      id: 'contacts',
      name: 'contacts',
      content: 'contacts',
      mailboxes: { mode: 'list', list: [ANNA] },
      target: { kind: 'folder', path: join(h.dir, 'c') },
    });
    const { record } = await h.run(job, ps.connector());
    expect(record).toMatchObject({ status: 'partial', mailboxesOk: 1, mailboxesFailed: 0, itemsSkipped: 1, errors: [] });
    expect(record.skipped).toEqual([
      {
        mailbox: ANNA,
        folder: 'contacts',
        item: task.id,
        subject: task.subject,
        reason: objectContaining({
          id: 'pump.item.otherKind',
          params: objectContaining({ itemId: task.id, itemClass: 'Task', content: 'contacts', mailbox: ANNA }),
        }),
      },
    ]);
    // The contacts around it are written all the same.
    const written = JSON.parse(await readFile(join(h.dir, 'c', `${ANNA}__contacts.json`), 'utf8')) as unknown[];
    expect(written).toEqual(expectedContacts(world, ANNA, 'contacts', false));

    const history = new RunHistory(join(h.dir, 'config'));
    await history.finished(record);
    const [back] = await history.list('contacts');
    expect(back.skipped).toEqual(record.skipped);
    expect(back.itemsSkipped).toBe(1);
  });

  it('keeps the first 100 skipped items and counts them all', () => {
    const s = new SkippedItems();
    for (let i = 0; i < MAX_RECORDED_SKIPS + 20; i++)
      s.add('m@contoso.com', 'calendar', {
        itemId: `id-${i}`,
        error: new CalpumpError('ews.item.unsupported', { params: { itemId: `id-${i}`, itemClass: 'MeetingRequest' } }),
      });
    expect(s.total).toBe(MAX_RECORDED_SKIPS + 20);
    expect(s.list).toHaveLength(MAX_RECORDED_SKIPS);
    expect(s.list[0]).toMatchObject({ item: 'id-0', reason: { id: 'ews.item.unsupported' } });
  });

  it('never keeps the subject of a private, confidential or unknown item, and cuts a long one', () => {
    expect(skipSubject('Board meeting', 'Private')).toBeUndefined();
    expect(skipSubject('Board meeting', 'confidential')).toBeUndefined();
    expect(skipSubject('Lunch', 'Normal')).toBe('Lunch');
    expect(skipSubject('Lunch', undefined)).toBeUndefined();
    expect(skipSubject('x'.repeat(400), 'Personal')).toHaveLength(255);
  });
});
