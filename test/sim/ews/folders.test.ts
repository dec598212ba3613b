import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { all, first, M, responseCodes, soap, T, textOf } from '../support/ews-client.js';
import { validateBody } from '../support/schema.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 5 });
});
afterAll(() => sim.stop());

const getCalendar = (mailbox?: string) =>
  `<m:GetFolder><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar">${
    mailbox ? `<t:Mailbox><t:EmailAddress>${mailbox}</t:EmailAddress></t:Mailbox>` : ''
  }</t:DistinguishedFolderId></m:FolderIds></m:GetFolder>`;

describe('EWS GetFolder / FindFolder', () => {
  it('returns the localised calendar of an impersonated mailbox, schema-valid', async () => {
    const r = await soap(sim, getCalendar(), { impersonate: 'anna.schmidt@contoso.com' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('MajorBuildNumber="1118"');
    expect(responseCodes(r.doc)).toEqual(['NoError']);
    const folder = first(r.doc, T, 'CalendarFolder')!;
    expect(textOf(folder, T, 'DisplayName')).toBe('Kalender');
    expect(textOf(folder, T, 'FolderClass')).toBe('IPF.Appointment');
    expect(Number(textOf(folder, T, 'ChildFolderCount'))).toBe(2);
    expect(validateBody(r.body)).toEqual({ ok: true, errors: '' });
    expect(sim.counters.folder('anna.schmidt@contoso.com', 'calendar')).toBeGreaterThan(0);
  });

  it('lists the folder tree deep, with paths a client can rebuild from parent ids', async () => {
    const r = await soap(
      sim,
      `<m:FindFolder Traversal="Deep"><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape></m:FolderShape><m:ParentFolderIds><t:DistinguishedFolderId Id="msgfolderroot"/></m:ParentFolderIds></m:FindFolder>`,
      { impersonate: 'jan.devries@contoso.com' },
    );
    expect(validateBody(r.body).errors).toBe('');
    const names = all(r.doc, T, 'DisplayName').map((e) => e.textContent);
    expect(names).toEqual(
      expect.arrayContaining(['Agenda', 'Projecten', 'Archief', 'Feestdagen', 'Postvak IN', 'Contactpersonen', 'Taken']),
    );
    const root = first(r.doc, M, 'RootFolder')!;
    expect(root.getAttribute('IncludesLastItemInRange')).toBe('true');
    expect(Number(root.getAttribute('TotalItemsInView'))).toBe(names.length);
  });

  it('pages FindFolder with IndexedPageFolderView', async () => {
    const r = await soap(
      sim,
      `<m:FindFolder Traversal="Deep"><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:IndexedPageFolderView MaxEntriesReturned="3" Offset="0" BasePoint="Beginning"/><m:ParentFolderIds><t:DistinguishedFolderId Id="msgfolderroot"/></m:ParentFolderIds></m:FindFolder>`,
      { impersonate: 'jan.devries@contoso.com' },
    );
    const root = first(r.doc, M, 'RootFolder')!;
    expect(root.getAttribute('IndexedPagingOffset')).toBe('3');
    expect(root.getAttribute('IncludesLastItemInRange')).toBe('false');
    expect(all(r.doc, T, 'FolderId')).toHaveLength(3);
    expect(validateBody(r.body).errors).toBe('');
  });

  it('lists hidden system folders under the root, flagged by PR_ATTR_HIDDEN', async () => {
    const r = await soap(
      sim,
      `<m:FindFolder Traversal="Shallow"><m:FolderShape><t:BaseShape>Default</t:BaseShape><t:AdditionalProperties><t:ExtendedFieldURI PropertyTag="0x10f4" PropertyType="Boolean"/></t:AdditionalProperties></m:FolderShape><m:ParentFolderIds><t:DistinguishedFolderId Id="root"/></m:ParentFolderIds></m:FindFolder>`,
      { impersonate: 'alice.smith@contoso.com' },
    );
    expect(validateBody(r.body).errors).toBe('');
    const folders = all(r.doc, T, 'Folder').map((f) => [textOf(f, T, 'DisplayName'), textOf(f, T, 'Value')]);
    expect(folders).toEqual(
      expect.arrayContaining([
        ['Top of Information Store', 'false'],
        ['Finder', 'true'],
        ['Recoverable Items', 'true'],
      ]),
    );
  });

  it('answers unknown mailboxes with ErrorNonExistentMailbox', async () => {
    const r = await soap(sim, getCalendar('nobody@contoso.com'));
    expect(r.status).toBe(200);
    const msg = first(r.doc, M, 'GetFolderResponseMessage')!;
    expect(msg.getAttribute('ResponseClass')).toBe('Error');
    expect(responseCodes(r.doc)).toEqual(['ErrorNonExistentMailbox']);
    expect(validateBody(r.body).errors).toBe('');
  });
});
