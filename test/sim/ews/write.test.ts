import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, expectedEvents, type RunningSimulator } from '../../../src/sim/index.js';
import { all, first, responseCodes, soap, T, textOf } from '../support/ews-client.js';
import { validateBody } from '../support/schema.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ anchor: new Date('2026-03-25T12:00:00Z'), eventsPerMailbox: 0 });
});
afterAll(() => sim.stop());

const SET = '00020329-0000-0000-c000-000000000046';
const ext = `<t:ExtendedFieldURI PropertySetId="${SET}" PropertyName="CalpumpSourceId" PropertyType="String"/>`;
const create = (mailbox: string, send = 'SendToNone', extra = '') =>
  `<m:CreateItem${send ? ` SendMeetingInvitations="${send}"` : ''}><m:SavedItemFolderId><t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>${mailbox}</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:SavedItemFolderId>` +
  `<m:Items><t:CalendarItem><t:Subject>Pumped event</t:Subject><t:Body BodyType="Text">from calpump</t:Body><t:Categories><t:String>Calpump</t:String></t:Categories>` +
  `<t:ExtendedProperty>${ext}<t:Value>src-42</t:Value></t:ExtendedProperty><t:Start>2026-03-26T09:00:00Z</t:Start><t:End>2026-03-26T10:00:00Z</t:End>` +
  `<t:LegacyFreeBusyStatus>Tentative</t:LegacyFreeBusyStatus><t:Location>Room 1</t:Location>${extra}<t:StartTimeZone Id="W. Europe Standard Time"/></t:CalendarItem></m:Items></m:CreateItem>`;

describe('EWS CreateItem / UpdateItem / DeleteItem', () => {
  it('creates, reads back with the extended property, updates with change keys, and deletes', async () => {
    const created = await soap(sim, create('alice.smith@contoso.com'), { impersonate: 'alice.smith@contoso.com' });
    expect(validateBody(created.body).errors).toBe('');
    expect(responseCodes(created.doc)).toEqual(['NoError']);
    const idEl = first(created.doc, T, 'ItemId')!;
    const id = idEl.getAttribute('Id')!;
    const ck = idEl.getAttribute('ChangeKey')!;
    const stored = sim.world.events.get(id)!;
    expect(stored).toMatchObject({ subject: 'Pumped event', timeZone: 'Europe/Berlin', showAs: 'tentative', categories: ['Calpump'] });
    expect(sim.world.outbox).toHaveLength(0);

    const found = await soap(
      sim,
      `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="item:Subject"/>${ext}</t:AdditionalProperties></m:ItemShape><m:CalendarView StartDate="2026-03-26T00:00:00Z" EndDate="2026-03-27T00:00:00Z"/><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`,
      { impersonate: 'alice.smith@contoso.com' },
    );
    expect(validateBody(found.body).errors).toBe('');
    const ours = all(found.doc, T, 'CalendarItem').filter((i) => first(i, T, 'ExtendedProperty'));
    expect(ours).toHaveLength(1);
    expect(textOf(ours[0], T, 'Value')).toBe('src-42');

    const update = (changeKey: string, subject: string) =>
      soap(
        sim,
        `<m:UpdateItem ConflictResolution="NeverOverwrite" SendMeetingInvitationsOrCancellations="SendToNone"><m:ItemChanges><t:ItemChange><t:ItemId Id="${id}" ChangeKey="${changeKey}"/><t:Updates>` +
          `<t:SetItemField><t:FieldURI FieldURI="item:Subject"/><t:CalendarItem><t:Subject>${subject}</t:Subject></t:CalendarItem></t:SetItemField>` +
          `<t:SetItemField>${ext}<t:CalendarItem><t:ExtendedProperty>${ext}<t:Value>src-43</t:Value></t:ExtendedProperty></t:CalendarItem></t:SetItemField>` +
          `</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>`,
        { impersonate: 'alice.smith@contoso.com' },
      );
    const updated = await update(ck, 'Renamed');
    expect(validateBody(updated.body).errors).toBe('');
    expect(responseCodes(updated.doc)).toEqual(['NoError']);
    expect(sim.world.events.get(id)).toMatchObject({
      subject: 'Renamed',
      extendedProperties: [expect.objectContaining({ value: 'src-43' })],
    });
    const stale = await update(ck, 'Again');
    expect(responseCodes(stale.doc)).toEqual(['ErrorIrresolvableConflict']);

    const del = (cancel: string) =>
      soap(
        sim,
        `<m:DeleteItem DeleteType="MoveToDeletedItems" SendMeetingCancellations="${cancel}"><m:ItemIds><t:ItemId Id="${id}"/></m:ItemIds></m:DeleteItem>`,
        {
          impersonate: 'alice.smith@contoso.com',
        },
      );
    const deleted = await del('SendToNone');
    expect(validateBody(deleted.body).errors).toBe('');
    expect(responseCodes(deleted.doc)).toEqual(['NoError']);
    expect(sim.world.events.has(id)).toBe(false);
    expect(responseCodes((await del('SendToNone')).doc)).toEqual(['ErrorItemNotFound']);
  });

  it('requires SendMeetingInvitations and records invitations when asked to send', async () => {
    const missing = await soap(sim, create('alice.smith@contoso.com', ''), { impersonate: 'alice.smith@contoso.com' });
    expect(responseCodes(missing.doc)).toEqual(['ErrorSendMeetingInvitationsRequired']);
    const attendees =
      '<t:RequiredAttendees><t:Attendee><t:Mailbox><t:EmailAddress>jan.devries@contoso.com</t:EmailAddress></t:Mailbox></t:Attendee></t:RequiredAttendees>';
    const sent = await soap(sim, create('alice.smith@contoso.com', 'SendToAllAndSaveCopy', attendees), {
      impersonate: 'alice.smith@contoso.com',
    });
    expect(responseCodes(sent.doc)).toEqual(['NoError']);
    expect(sim.world.outbox.at(-1)).toMatchObject({ kind: 'request', from: 'alice.smith@contoso.com', to: ['jan.devries@contoso.com'] });
  });

  it('moves one occurrence and the change shows in expected events', async () => {
    const occ = expectedEvents(
      sim.world,
      'anna.schmidt@contoso.com',
      'calendar',
      new Date('2026-03-24T00:00:00Z'),
      new Date('2026-03-25T00:00:00Z'),
    ).find((e) => e.subject === 'Daily Stand-up')!;
    const r = await soap(
      sim,
      `<m:UpdateItem ConflictResolution="AlwaysOverwrite" SendMeetingInvitationsOrCancellations="SendToNone"><m:ItemChanges><t:ItemChange><t:ItemId Id="${occ.id}"/><t:Updates>` +
        `<t:SetItemField><t:FieldURI FieldURI="calendar:Start"/><t:CalendarItem><t:Start>2026-03-24T12:00:00Z</t:Start></t:CalendarItem></t:SetItemField>` +
        `<t:SetItemField><t:FieldURI FieldURI="calendar:End"/><t:CalendarItem><t:End>2026-03-24T12:15:00Z</t:End></t:CalendarItem></t:SetItemField>` +
        `</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>`,
      { impersonate: 'anna.schmidt@contoso.com' },
    );
    expect(responseCodes(r.doc)).toEqual(['NoError']);
    const after = expectedEvents(
      sim.world,
      'anna.schmidt@contoso.com',
      'calendar',
      new Date('2026-03-24T00:00:00Z'),
      new Date('2026-03-25T00:00:00Z'),
    ).find((e) => e.originalStart === occ.originalStart)!;
    expect(after.start).toBe('2026-03-24T12:00:00.000Z');
  });

  it('enforces delegate write permissions', async () => {
    const denied = await soap(sim, create('alice.smith@contoso.com'), { user: 'svc-delegate@contoso.com' });
    expect(responseCodes(denied.doc)).toEqual(['ErrorAccessDenied']);
    const editor = await soap(sim, create('bob.jones@contoso.com'), { user: 'svc-delegate@contoso.com' });
    expect(responseCodes(editor.doc)).toEqual(['NoError']);
  });
});
