import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { all, first, M, responseCodes, soap, T, textOf } from '../support/ews-client.js';
import { validateBody } from '../support/schema.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 0, mailboxes: 40 });
});
afterAll(() => sim.stop());

const resolve = (entry: string, full = true) =>
  soap(
    sim,
    `<m:ResolveNames ReturnFullContactData="${full}" SearchScope="ActiveDirectory"><m:UnresolvedEntry>${entry}</m:UnresolvedEntry></m:ResolveNames>`,
  );

describe('EWS directory operations', () => {
  it('ResolveNames: single match with full contact data', async () => {
    const r = await resolve('Jan de');
    expect(validateBody(r.body).errors).toBe('');
    expect(first(r.doc, M, 'ResolveNamesResponseMessage')!.getAttribute('ResponseClass')).toBe('Success');
    expect(textOf(first(r.doc, T, 'Mailbox')!, T, 'EmailAddress')).toBe('jan.devries@contoso.com');
    expect(textOf(r.doc, T, 'Department')).toBe('Support');
  });

  it('ResolveNames: several matches are a Warning that still returns them', async () => {
    const r = await resolve('anna');
    expect(validateBody(r.body).errors).toBe('');
    expect(first(r.doc, M, 'ResolveNamesResponseMessage')!.getAttribute('ResponseClass')).toBe('Warning');
    expect(responseCodes(r.doc)).toEqual(['ErrorNameResolutionMultipleResults']);
    expect(all(r.doc, T, 'Resolution')).toHaveLength(2);
  });

  it('ResolveNames: no match is an Error; SMTP: prefix is exact', async () => {
    const none = await resolve('zzz-nobody');
    expect(first(none.doc, M, 'ResolveNamesResponseMessage')!.getAttribute('ResponseClass')).toBe('Error');
    expect(responseCodes(none.doc)).toEqual(['ErrorNameResolutionNoResults']);
    const exact = await resolve('SMTP:room.amsterdam@contoso.com', false);
    expect(all(exact.doc, T, 'Resolution')).toHaveLength(1);
    expect(first(exact.doc, T, 'Contact')).toBeUndefined();
    const dn = await resolve('/O=CONTOSO/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=ANNA.SCHMIDT', false);
    expect(all(dn.doc, T, 'EmailAddress').map((e) => e.textContent)).toEqual(['anna.schmidt@contoso.com']);
  });

  it('FindPeople pages the directory', async () => {
    const page = (offset: number) =>
      soap(
        sim,
        `<m:FindPeople><m:IndexedPageItemView BasePoint="Beginning" MaxEntriesReturned="10" Offset="${offset}"/><m:ParentFolderId><t:DistinguishedFolderId Id="directory"/></m:ParentFolderId><m:QueryString>user</m:QueryString></m:FindPeople>`,
      );
    const p1 = await page(0);
    expect(validateBody(p1.body).errors).toBe('');
    expect(textOf(p1.doc, M, 'TotalNumberOfPeopleInView')).toBe(String(40 - 12));
    const p3 = await page(20);
    expect(all(p3.doc, T, 'Persona')).toHaveLength(8);
    expect(textOf(p3.doc, M, 'FirstLoadedRowIndex')).toBe('20');
  });

  it('GetRoomLists and GetRooms', async () => {
    const lists = await soap(sim, '<m:GetRoomLists/>');
    expect(validateBody(lists.body).errors).toBe('');
    expect(all(lists.doc, T, 'Name').map((e) => e.textContent)).toEqual(['Amsterdam Rooms', 'Berlin Rooms']);
    const rooms = await soap(
      sim,
      '<m:GetRooms><m:RoomList><t:EmailAddress>roomlist.amsterdam@contoso.com</t:EmailAddress></m:RoomList></m:GetRooms>',
    );
    expect(validateBody(rooms.body).errors).toBe('');
    expect(all(rooms.doc, T, 'EmailAddress').map((e) => e.textContent)).toEqual([
      'room.amsterdam@contoso.com',
      'room.amsterdam.small@contoso.com',
    ]);
    const none = await soap(sim, '<m:GetRooms><m:RoomList><t:EmailAddress>nope@contoso.com</t:EmailAddress></m:RoomList></m:GetRooms>');
    expect(responseCodes(none.doc)).toEqual(['ErrorNameResolutionNoResults']);
  });
});
