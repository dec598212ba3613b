import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { all, responseCodes, soap, T, textOf } from '../support/ews-client.js';
import { validateBody } from '../support/schema.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 5 });
});
afterAll(() => sim.stop());

const SET = '00020329-0000-0000-c000-000000000046';

describe('EWS restrictions', () => {
  it('filters FindFolder by folder class', async () => {
    const r = await soap(
      sim,
      `<m:FindFolder Traversal="Deep"><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape></m:FolderShape><m:Restriction><t:IsEqualTo><t:FieldURI FieldURI="folder:FolderClass"/><t:FieldURIOrConstant><t:Constant Value="IPF.Appointment"/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction><m:ParentFolderIds><t:DistinguishedFolderId Id="msgfolderroot"/></m:ParentFolderIds></m:FindFolder>`,
      { impersonate: 'anna.schmidt@contoso.com' },
    );
    expect(validateBody(r.body).errors).toBe('');
    expect(
      all(r.doc, T, 'DisplayName')
        .map((e) => e.textContent)
        .sort(),
    ).toEqual(['Archiv', 'Feiertage', 'Kalender', 'Projekte']);
  });

  it('finds only items carrying our extended property, combined with And/Contains', async () => {
    const ours = sim.world.mutate.addEvent('anna.schmidt@contoso.com', 'calendar', {
      subject: 'Sync: Jour fixe',
      date: '2026-03-26',
      time: '10:00',
      timeZone: 'Europe/Berlin',
    });
    ours.extendedProperties.push({ key: `${SET}:CalpumpSourceId:String`, value: 'job-1' });
    const ext = `<t:ExtendedFieldURI PropertySetId="${SET}" PropertyName="CalpumpSourceId" PropertyType="String"/>`;
    const r = await soap(
      sim,
      `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/></t:AdditionalProperties></m:ItemShape>` +
        `<m:IndexedPageItemView MaxEntriesReturned="50" Offset="0" BasePoint="Beginning"/>` +
        `<m:Restriction><t:And><t:Exists>${ext}</t:Exists><t:Contains ContainmentMode="Prefixed" ContainmentComparison="IgnoreCase"><t:FieldURI FieldURI="item:Subject"/><t:Constant Value="sync:"/></t:Contains></t:And></m:Restriction>` +
        `<m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`,
      { impersonate: 'anna.schmidt@contoso.com' },
    );
    expect(validateBody(r.body).errors).toBe('');
    expect(all(r.doc, T, 'CalendarItem').map((i) => textOf(i, T, 'Subject'))).toEqual(['Sync: Jour fixe']);
  });

  it('refuses restrictions on a CalendarView', async () => {
    const r = await soap(
      sim,
      `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:CalendarView StartDate="2026-03-23T00:00:00Z" EndDate="2026-03-30T00:00:00Z"/><m:Restriction><t:Exists><t:FieldURI FieldURI="item:Subject"/></t:Exists></m:Restriction><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`,
      { impersonate: 'anna.schmidt@contoso.com' },
    );
    expect(responseCodes(r.doc)).toEqual(['ErrorInvalidRestriction']);
  });
});
