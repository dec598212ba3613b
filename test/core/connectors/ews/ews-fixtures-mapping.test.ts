// Parser tests: answers shaped as Exchange 2016/2019 send them, through the real transport and mapping, no
// simulator. Every request the connector builds is validated against the schema as well.
import { renderStep } from '../../../../src/shared/i18n/steps.js';
import { describe, expect, it } from 'vitest';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { collect } from './sim-helpers.js';
import { FixtureHttp, fixtureConnector } from './fixture-http.js';

const schema = recordEwsRequestsForSchema();
const opts = { recorder: schema.recorder };

describe('EWS response mapping from recorded Exchange answers', () => {
  it('CalendarView pages, occurrence/exception details, series master and all-day dates', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-view-page1-2019.xml', 'find-item-view-page2-default-ns-2016.xml')
      .on('GetItem', 'get-item-people-page1-2019.xml', 'get-item-people-page2-2019.xml')
      .on('GetItem:masters', 'get-item-master-uid-2019.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const events = await collect(
      connector.calendarView('anna.schmidt', 'calendar', new Date('2026-01-12T00:00:00Z'), new Date('2026-01-19T00:00:00Z')),
    );
    expect(http.pending()).toEqual([]);
    expect(events.map((e) => e.id)).toEqual(['AAMkAGI2TG93AAA=occ1', 'AAMkAGI2TG93AAA=exc1', 'AAMkAGI2TG93AAA=allday1']);
    const [occ, exc, allDay] = events;
    expect(occ).toMatchObject({
      subject: 'Daily standup',
      start: '2026-01-12T09:00:00.000Z',
      end: '2026-01-12T09:30:00.000Z',
      originalStart: '2026-01-12T09:00:00.000Z',
      seriesId: 'AAMkAGI2TG93AAA=master1',
      timeZone: 'Europe/Berlin',
      location: 'Teams',
      showAs: 'busy',
      // FindItem named the organizer by legacy DN; GetItem (asked for the attendees anyway) gave SMTP.
      organizer: { name: 'Anna Schmidt', email: 'anna.schmidt@contoso.com' },
      attendees: [{ name: 'Jan de Vries', email: 'jan.devries@contoso.com', type: 'required', response: 'accepted' }],
    });
    expect(exc).toMatchObject({
      subject: 'Jour fixe Vertrieb',
      start: '2026-01-14T08:00:00.000Z',
      originalStart: '2026-01-13T08:00:00.000Z',
      seriesId: 'AAMkAGI2TG93AAA=master1',
      categories: ['Vertrieb', 'Blue category'],
      lastModified: '2026-01-08T14:03:11.000Z',
      organizer: { name: 'Anna Schmidt', email: 'anna.schmidt@contoso.com' },
      attendees: [
        { name: 'Jan de Vries', email: 'jan.devries@contoso.com', type: 'required', response: 'tentative' },
        { name: 'Alice Smith', email: 'alice.smith@contoso.com', type: 'optional', response: 'none' },
        { name: 'Raum Berlin 2.07', email: 'room.berlin207@contoso.com', type: 'resource', response: 'accepted' },
      ],
    });
    expect(exc.iCalUId).toBe(occ.iCalUId);
    // 23:00Z is local midnight in Berlin: the event's own dates, kept as 00:00Z.
    expect(allDay).toMatchObject({
      isAllDay: true,
      start: '2026-01-16T00:00:00.000Z',
      end: '2026-01-18T00:00:00.000Z',
      showAs: 'oof',
      sensitivity: 'private',
      subject: 'Betriebsausflug & Grillen',
      location: '',
      categories: [],
    });
    expect(allDay.organizer).toEqual({ name: 'Peter Extern', email: 'peter@fabrikam.example' });
    expect(allDay.attendees).toBeUndefined();
    expect(allDay.originalStart).toBeUndefined();
    expect(allDay.seriesId).toBeUndefined();
    // Paging continued from the last item's start, and the duplicate at the page border was not fetched again.
    const finds = http.requests.filter((r) => r.body?.includes('<m:FindItem'));
    expect(finds[1].body).toContain('StartDate="2026-01-12T09:00:00.000Z"');
    expect(finds[0].body).toContain('<t:FieldURI FieldURI="calendar:StartTimeZoneId"/>');
    expect(finds[0].body).not.toMatch(/Attendees|item:Body|calendar:Recurrence"/);
    const getItems = http.requests.filter((r) => r.body?.includes('<m:GetItem'));
    expect(getItems[0].body).toContain('<t:FieldURI FieldURI="calendar:RequiredAttendees"/>');
    expect(getItems[1].body).toContain('<t:RecurringMasterItemId OccurrenceId="AAMkAGI2TG93AAA=occ1"/>');
    expect(getItems[2].body).not.toContain('occ1');
    expect(http.requests.some((r) => r.body?.includes('<m:ResolveNames'))).toBe(false);
    expect(http.requests[0].body).toContain('<t:SmtpAddress>anna.schmidt@contoso.com</t:SmtpAddress>');
  });

  it('folder tree from localised FindFolder answers (calendar root and msgfolderroot)', async () => {
    const http = new FixtureHttp()
      .on('GetFolder', 'get-folder-kalender-2016.xml', 'get-folder-root-2016.xml')
      .on('FindFolder', 'find-folder-localised-2016.xml', 'find-folder-root-deep-2016.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const tree = await connector.folderTree('anna.schmidt@contoso.com');
    expect(tree.map((f) => [f.path, f.kind, f.totalCount, f.childCount, f.distinguishedId])).toEqual([
      ['Kalender', 'calendar', 42, 2, 'calendar'],
      ['Kalender/Feiertage', 'calendar', 12, 0, undefined],
      ['Kalender/Projekte', 'calendar', 10, 1, undefined],
      ['Kalender/Projekte/Archiv', 'calendar', 0, 0, undefined],
      ['Urlaubsplanung', 'calendar', 3, 0, undefined],
    ]);
    expect(tree.find((f) => f.name === 'Archiv')!.parentId).toBe('AAMkADProjekte');
    // Folders are addressed by distinguished id, never by display name.
    const bodies = http.requests.map((r) => r.body).join('');
    expect(bodies).toContain('<t:DistinguishedFolderId Id="calendar">');
    expect(bodies).toContain('<t:DistinguishedFolderId Id="msgfolderroot">');
    expect(bodies).not.toContain('Kalender');
  });

  it('ResolveNames with a Warning (several matches) lists every match; rooms come from room lists', async () => {
    const http = new FixtureHttp()
      .on('GetRoomLists', 'get-room-lists-2016.xml')
      .on('GetRooms', 'get-rooms-2016.xml')
      .on('ResolveNames', 'resolve-names-warning-2019.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const page = await connector.listMailboxes('anna');
    expect(page.items).toEqual([
      { id: 'anna.schmidt@contoso.com', displayName: 'Anna Schmidt', smtp: 'anna.schmidt@contoso.com', kind: 'user' },
      { id: 'anna.schneider@contoso.com', displayName: 'Anna Schneider', smtp: 'anna.schneider@contoso.com', kind: 'user' },
    ]);
    expect(http.requests.at(-1)!.body).toContain('ReturnFullContactData="true"');
  });

  it('FindPeople listing marks rooms and returns a cursor while more people remain', async () => {
    const http = new FixtureHttp()
      .on('GetRoomLists', 'get-room-lists-2016.xml')
      .on('GetRooms', 'get-rooms-2016.xml')
      .on('FindPeople', 'find-people-2016.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const page = await connector.listMailboxes();
    expect(page.items.map((m) => [m.smtp, m.kind])).toEqual([
      ['alice.smith@contoso.com', 'user'],
      ['room.amsterdam@contoso.com', 'room'],
      ['room.amsterdam.small@contoso.com', 'room'],
    ]);
    expect(page.nextCursor).toBeTruthy();
    expect(http.requests.at(-1)!.body).not.toContain('ExchangeImpersonation');
  });

  it('SyncFolderItems: creates, updates and deletes (read-flag changes ignored); an invalid state → flagged full resync', async () => {
    const http = new FixtureHttp()
      .on('SyncFolderItems', 'sync-folder-items-2016.xml')
      .on('GetItem', 'get-item-sync-2016.xml', 'get-item-master-2016.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const r = await connector.syncChanges!('anna.schmidt@contoso.com', 'calendar', 'H4sIOLD');
    expect(r.nextState).toBe('H4sIAAAAAAAEAGNgYGBkYGBgZAAAMPbsVQwAAAA=');
    expect(r.fullResync).toBeUndefined();
    expect(r.changes.map((c) => [c.kind, c.kind === 'delete' ? c.id : c.event.id])).toEqual([
      ['create', 'AAMkAGI2TG93AAA=new1'],
      ['update', 'AAMkAGI2TG93AAA=allday1'],
      ['delete', 'AAMkAGI2TG93AAA=gone1'],
    ]);
    expect(http.requests[0].body).toContain('<m:SyncState>H4sIOLD</m:SyncState>');

    const again = new FixtureHttp()
      .on('SyncFolderItems', 'sync-state-invalid-2016.xml', 'sync-folder-items-2016.xml')
      .on('GetItem', 'get-item-sync-2016.xml', 'get-item-master-2016.xml');
    const r2 = await fixtureConnector(again, {}, opts).connector.syncChanges!('anna.schmidt@contoso.com', 'calendar', 'H4sIBROKEN');
    expect(r2.fullResync).toBe(true);
    expect(again.requests[1].body).not.toContain('<m:SyncState>');
  });

  it('GetUserAvailability: blocks per mailbox; an unknown address is skipped with a warning', async () => {
    const http = new FixtureHttp().on('GetUserAvailabilityRequest', 'get-user-availability-2016.xml');
    const { connector, logger } = fixtureConnector(http, {}, opts);
    const blocks = await connector.availability!(
      ['anna.schmidt@contoso.com', 'nobody@contoso.com'],
      new Date('2026-01-12T00:00:00Z'),
      new Date('2026-01-19T00:00:00Z'),
    );
    expect(blocks.map((b) => [b.mailbox, b.showAs])).toEqual([
      ['anna.schmidt@contoso.com', 'busy'],
      ['anna.schmidt@contoso.com', 'tentative'],
    ]);
    expect(logger.records.some((r) => r.event === 'ews.availability.mailboxFailed' && r.fields.mailbox === 'nobody@contoso.com')).toBe(
      true,
    );
  });

  it('test() reads the ServerVersionInfo header of the answers', async () => {
    const http = new FixtureHttp()
      .on('GetFolder', 'get-folder-root-2016.xml', 'get-folder-kalender-2016.xml')
      .on('FindItem', 'find-item-calendarview-last-page-2019.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const steps = await connector.test('anna.schmidt@contoso.com');
    expect(steps.every((s) => s.status === 'pass')).toBe(true);
    const versionStep = steps.find((s) => s.id === 'ews.serverVersion')!;
    expect(renderStep(versionStep, steps, 'en').detail).toBe('Exchange 15.2.1118.7 (V2017_07_11)');
  });
});
