// The simulator's Contacts and Tasks folders over EWS: FindItem pages, GetItem with every property, and
// SyncFolderItems answers that validate against Microsoft's schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { all, first, M, responseCodes, soap, T, textOf } from '../support/ews-client.js';
import { validateBody } from '../support/schema.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 1 });
});
afterAll(() => sim.stop());

const ANNA = 'anna.schmidt@contoso.com';
const find = (folder: string, shape = '<t:BaseShape>AllProperties</t:BaseShape>') =>
  soap(
    sim,
    `<m:FindItem Traversal="Shallow"><m:ItemShape>${shape}</m:ItemShape><m:IndexedPageItemView MaxEntriesReturned="2" Offset="0" BasePoint="Beginning"/><m:ParentFolderIds><t:DistinguishedFolderId Id="${folder}"/></m:ParentFolderIds></m:FindItem>`,
    { impersonate: ANNA },
  );

describe('EWS contacts and tasks', () => {
  it('pages FindItem over the Contacts folder and refuses the body there', async () => {
    const r = await find('contacts');
    expect(validateBody(r.body).errors).toBe('');
    expect(all(r.doc, T, 'Contact')).toHaveLength(2);
    expect(first(r.doc, M, 'RootFolder')!.getAttribute('TotalItemsInView')).toBe('3');
    expect(first(r.doc, M, 'RootFolder')!.getAttribute('IncludesLastItemInRange')).toBe('false');
    const body = await find(
      'contacts',
      '<t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Body"/></t:AdditionalProperties>',
    );
    expect(responseCodes(body.doc)).toEqual(['ErrorInvalidPropertyRequest']);
  });

  it('answers GetItem for contacts and tasks with schema-valid items', async () => {
    const ids = [...sim.world.items.values()].filter((i) => i.mailbox === ANNA).map((i) => i.id);
    expect(ids.length).toBe(8);
    const r = await soap(
      sim,
      `<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape><t:BodyType>Text</t:BodyType></m:ItemShape><m:ItemIds>${ids.map((id) => `<t:ItemId Id="${id}"/>`).join('')}</m:ItemIds></m:GetItem>`,
      { impersonate: ANNA },
    );
    expect(validateBody(r.body).errors).toBe('');
    expect(all(r.doc, T, 'Contact')).toHaveLength(3);
    expect(all(r.doc, T, 'Task')).toHaveLength(5);
    // A Berlin due date is local midnight: the day before at 22:00 or 23:00 UTC.
    const due = all(r.doc, T, 'DueDate').map((d) => d.textContent);
    expect(due.every((d) => /T2[23]:00:00Z$/.test(d ?? ''))).toBe(true);
  });

  it('reports an edited contact through SyncFolderItems, and one request when unchanged', async () => {
    const sync = (state?: string) =>
      soap(
        sim,
        `<m:SyncFolderItems><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id="contacts"/></m:SyncFolderId>${state ? `<m:SyncState>${state}</m:SyncState>` : ''}<m:MaxChangesReturned>100</m:MaxChangesReturned><m:SyncScope>NormalItems</m:SyncScope></m:SyncFolderItems>`,
        { impersonate: ANNA },
      );
    const first1 = await sync();
    expect(validateBody(first1.body).errors).toBe('');
    expect(all(first1.doc, T, 'Create')).toHaveLength(3);
    const state = textOf(first1.doc, M, 'SyncState')!;
    sim.counters.reset();
    const none = await sync(state);
    expect(all(none.doc, T, 'Create').length + all(none.doc, T, 'Update').length).toBe(0);
    expect(sim.counters.folder(ANNA, 'contacts')).toBe(1);
    const contact = [...sim.world.items.values()].find((i) => i.mailbox === ANNA && i.kind === 'contact')!;
    sim.world.mutate.updateItem(contact.id, { jobTitle: 'CFO' });
    const changed = await sync(state);
    expect(all(changed.doc, T, 'Update').map((u) => first(u, T, 'ItemId')!.getAttribute('Id'))).toEqual([contact.id]);
  });
});
