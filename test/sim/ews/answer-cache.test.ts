import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { all, responseCodes, soap, T, textOf } from '../support/ews-client.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 5, answerCacheMb: 4 });
});
afterAll(() => sim.stop());

const anna = 'anna.schmidt@contoso.com';
const view =
  `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>` +
  `<t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>` +
  `<m:CalendarView StartDate="2026-03-23T00:00:00Z" EndDate="2026-04-06T00:00:00Z"/>` +
  `<m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`;
const subjects = (doc: Document) => all(doc, T, 'CalendarItem').map((i) => textOf(i, T, 'Subject'));

describe('EWS answer memo (benchmarks only)', () => {
  it('answers a repeated read from the memo, still counted, and a changed world anew', async () => {
    sim.counters.reset();
    const first = await soap(sim, view, { impersonate: anna });
    const again = await soap(sim, view, { impersonate: anna });
    expect(responseCodes(first.doc)).toEqual(['NoError']);
    expect(again.body).toBe(first.body);
    expect(sim.answerCache!().hits).toBe(1);
    // Counted like any request: the operation and the folder it read.
    expect(sim.counters.operation('FindItem')).toBe(2);
    expect(sim.counters.folder(anna, 'calendar')).toBe(2);

    const id = all(first.doc, T, 'ItemId')[0].getAttribute('Id')!;
    sim.world.mutate.changeSubject(id, 'Geändert nach dem ersten Lesen');
    const changed = await soap(sim, view, { impersonate: anna });
    expect(subjects(changed.doc)).toContain('Geändert nach dem ersten Lesen');
    expect(sim.answerCache!().hits).toBe(1);
  });

  it('keeps answers per caller and never serves one while a fault is staged', async () => {
    const asAnna = await soap(sim, view, { user: anna });
    const asBob = await soap(sim, view, { user: 'bob.jones@contoso.com' });
    expect(responseCodes(asAnna.doc)).toEqual(['NoError']);
    expect(responseCodes(asBob.doc)).toEqual(['NoError']);
    expect(subjects(asBob.doc)).not.toEqual(subjects(asAnna.doc));
    sim.faults.stage({ kind: 'serverBusy', match: 'FindItem' });
    const busy = await soap(sim, view, { impersonate: anna });
    expect(busy.status).toBe(500);
    expect(busy.body).toContain('ErrorServerBusy');
  });

  it('is off unless asked for', async () => {
    const plain = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 5 });
    try {
      expect(plain.answerCache).toBeUndefined();
    } finally {
      await plain.stop();
    }
  });
});
