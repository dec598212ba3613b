import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { all, first, M, responseCodes, soap, T, textOf } from '../support/ews-client.js';
import { validateBody } from '../support/schema.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 3 });
});
afterAll(() => sim.stop());

const sync = (state?: string, max = 5) =>
  soap(
    sim,
    `<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id="calendar"/></m:SyncFolderId>${
      state ? `<m:SyncState>${state}</m:SyncState>` : ''
    }<m:MaxChangesReturned>${max}</m:MaxChangesReturned><m:SyncScope>NormalItems</m:SyncScope></m:SyncFolderItems>`,
    { impersonate: 'jan.devries@contoso.com' },
  );

async function syncAll(state?: string) {
  const creates: string[] = [];
  const updates: string[] = [];
  const deletes: string[] = [];
  let calls = 0;
  for (;;) {
    const r = await sync(state);
    calls++;
    expect(validateBody(r.body).errors).toBe('');
    for (const c of all(r.doc, T, 'Create')) creates.push(first(c, T, 'ItemId')!.getAttribute('Id')!);
    for (const c of all(r.doc, T, 'Update')) updates.push(first(c, T, 'ItemId')!.getAttribute('Id')!);
    for (const c of all(r.doc, T, 'Delete')) deletes.push(first(c, T, 'ItemId')!.getAttribute('Id')!);
    state = textOf(r.doc, M, 'SyncState')!;
    if (textOf(r.doc, M, 'IncludesLastItemInRange') === 'true') return { state, creates, updates, deletes, calls };
  }
}

describe('EWS SyncFolderItems', () => {
  it('lists the folder in pages, then reports only net changes, and one request when unchanged', async () => {
    const calendarId = sim.world.mailboxes.get('jan.devries@contoso.com')!.distinguished.calendar;
    const initial = await syncAll();
    expect(initial.creates).toHaveLength(sim.world.folderItems.get(calendarId)!.size);
    expect(initial.calls).toBeGreaterThan(1);

    sim.counters.reset();
    const unchanged = await syncAll(initial.state);
    expect(unchanged.creates.length + unchanged.updates.length + unchanged.deletes.length).toBe(0);
    expect(sim.counters.folder('jan.devries@contoso.com', 'calendar')).toBe(1);

    const [a, b, c] = initial.creates;
    sim.world.mutate.changeSubject(a, 'Nieuw onderwerp');
    sim.world.mutate.deleteEvent(b);
    const added = sim.world.mutate.addEvent('jan.devries@contoso.com', 'calendar', {
      subject: 'Nieuw',
      date: '2026-03-27',
      time: '10:00',
      timeZone: 'Europe/Amsterdam',
    });
    const temp = sim.world.mutate.addEvent('jan.devries@contoso.com', 'calendar', {
      subject: 'Tijdelijk',
      date: '2026-03-27',
      time: '11:00',
      timeZone: 'Europe/Amsterdam',
    });
    sim.world.mutate.deleteEvent(temp.id);
    const delta = await syncAll(unchanged.state);
    expect(delta).toMatchObject({ creates: [added.id], updates: [a], deletes: [b] });
    expect(c).toBeDefined();
  });

  it('rejects a corrupt or foreign sync state', async () => {
    const r = await sync('bm9wZQ==');
    expect(responseCodes(r.doc)).toEqual(['ErrorInvalidSyncStateData']);
    expect(validateBody(r.body).errors).toBe('');
  });
});
