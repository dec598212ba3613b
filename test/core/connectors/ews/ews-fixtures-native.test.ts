// The native FindItem/GetItem/SyncFolderItems path on answers shaped as Exchange 2016/2019 send them: legacy-DN
// organizers, per-item errors, error classes per message, sync batches, old-schema sessions. Every request
// built here is validated against Microsoft's schema.
import { describe, expect, it } from 'vitest';
import { ewsInstant } from '../../../../src/core/connectors/ews/native/calendar-item.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { collect } from './sim-helpers.js';
import { FixtureHttp, fixtureConnector } from './fixture-http.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';

const schema = recordEwsRequestsForSchema();
const opts = { recorder: schema.recorder };
const from = new Date('2026-01-12T00:00:00Z');
const to = new Date('2026-01-19T00:00:00Z');
const bodies = (http: FixtureHttp, op: string) => http.requests.map((r) => r.body ?? '').filter((b) => b.includes(`<m:${op}`));

describe('EWS native read path on recorded Exchange answers', () => {
  it('without attendees: FindItem pages only, the legacy-DN organizer resolved to SMTP once per DN', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-view-page1-2019.xml', 'find-item-view-page2-default-ns-2016.xml')
      .on('GetItem:masters', 'get-item-master-uid-2019.xml')
      .on('ResolveNames', 'resolve-names-legacy-dn-2016.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const events = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to, { includeAttendees: false }));
    expect(http.pending()).toEqual([]);
    expect(events.map((e) => [e.id, e.organizer?.email])).toEqual([
      ['AAMkAGI2TG93AAA=occ1', 'anna.schmidt@contoso.com'],
      ['AAMkAGI2TG93AAA=exc1', 'anna.schmidt@contoso.com'],
      ['AAMkAGI2TG93AAA=allday1', 'peter@fabrikam.example'],
    ]);
    expect(events.every((e) => e.attendees === undefined)).toBe(true);
    expect(events[1]).toMatchObject({
      seriesId: 'AAMkAGI2TG93AAA=master1',
      originalStart: '2026-01-13T08:00:00.000Z',
      timeZone: 'Europe/Berlin',
      isException: true,
    });
    // The occurrence carries an original start too, but it is no exception.
    expect(events[0].isException).toBeUndefined();
    // Two items name the same DN: one ResolveNames (the cache answers the second).
    expect(bodies(http, 'ResolveNames')).toHaveLength(1);
    expect(bodies(http, 'ResolveNames')[0]).toContain('/O=CONTOSO/OU=EXCHANGE ADMINISTRATIVE GROUP');
    expect(bodies(http, 'GetItem')).toHaveLength(1);
  });

  it('a DN the directory does not resolve: GetItem names the organizer (SMTP), as the attendee read would', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-view-page1-2019.xml', 'find-item-view-page2-default-ns-2016.xml')
      .on('ResolveNames', 'resolve-names-no-results-2016.xml')
      .on('GetItem', 'get-item-people-page1-2019.xml', 'get-item-organizer-exc1-2019.xml')
      .on('GetItem:masters', 'get-item-master-uid-2019.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const events = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to, { includeAttendees: false }));
    expect(http.pending()).toEqual([]);
    expect(events.map((e) => e.organizer?.email)).toEqual([
      'anna.schmidt@contoso.com',
      'anna.schmidt@contoso.com',
      'peter@fabrikam.example',
    ]);
    expect(events.every((e) => e.attendees === undefined)).toBe(true);
    const gets = bodies(http, 'GetItem').filter((b) => !b.includes('RecurringMasterItemId'));
    expect(gets[0]).toContain('<t:FieldURI FieldURI="calendar:Organizer"/>');
    expect(gets[0]).not.toContain('Attendees');
    expect(bodies(http, 'ResolveNames')).toHaveLength(1);
  });

  it('an item deleted between FindItem and GetItem is left out; a Warning message still counts', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-view-page1-2019.xml', 'find-item-view-page2-default-ns-2016.xml')
      .on('GetItem', 'get-item-people-page1-2019.xml', 'get-item-people-one-gone-2019.xml')
      .on('GetItem:masters', 'get-item-master-uid-2019.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const events = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to));
    expect(http.pending()).toEqual([]);
    expect(events.map((e) => e.id)).toEqual(['AAMkAGI2TG93AAA=occ1', 'AAMkAGI2TG93AAA=allday1']);
  });

  it('the body is asked for as text with the attendee fields', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-view-page1-2019.xml', 'find-item-view-page2-default-ns-2016.xml')
      .on('GetItem', 'get-item-people-page1-2019.xml', 'get-item-people-page2-2019.xml')
      .on('GetItem:masters', 'get-item-master-uid-2019.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to, { includeBody: true }));
    const first = bodies(http, 'GetItem')[0];
    expect(first).toContain('<t:BodyType>Text</t:BodyType>');
    expect(first).toContain('<t:FieldURI FieldURI="item:Body"/>');
    expect(first).toContain('<t:FieldURI FieldURI="calendar:Resources"/>');
  });

  it('an Error message in FindItem or GetItem becomes the mapped CalpumpError with the code', async () => {
    const tooBig = new FixtureHttp().on('FindItem', 'find-item-range-too-big-2019.xml');
    const e1 = await calpumpFailure(
      collect(fixtureConnector(tooBig, {}, opts).connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to)),
    );
    expect(e1.params.code).toBe('ErrorCalendarViewRangeTooBig');

    const denied = new FixtureHttp()
      .on('FindItem', 'find-item-view-page1-2019.xml')
      .on('GetItem', 'get-item-access-denied-2019.xml')
      .on('GetItem:masters', 'get-item-master-uid-2019.xml');
    const e2 = await calpumpFailure(
      collect(fixtureConnector(denied, {}, opts).connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to)),
    );
    expect(e2.params.code).toBe('ErrorAccessDenied');
    expect(e2.params.mailbox).toBe('anna.schmidt@contoso.com');
  });

  it('a SOAP fault on FindItem surfaces as a CalpumpError, not a parse failure', async () => {
    const http = new FixtureHttp().on('FindItem', {
      status: 500,
      body: (await import('./fixture-http.js')).fixture('schema-validation-fault-2016.xml'),
    });
    const err = await calpumpFailure(
      collect(fixtureConnector(http, {}, opts).connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to)),
    );
    expect(err.id).not.toBe('ews.response.malformed');
  });

  it('an Exchange 2010 SP2 session asks for StartTimeZone (no StartTimeZoneId in that schema) and reads its Id', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-calendarview-last-page-2019.xml')
      .on('GetItem', 'get-item-calendar-2016.xml', 'get-item-master-2016.xml');
    const { connector } = fixtureConnector(http, { exchangeVersion: 'Exchange2010_SP2' }, opts);
    await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to)).catch(() => []);
    const find = bodies(http, 'FindItem')[0];
    expect(find).toContain('<t:RequestServerVersion Version="Exchange2010_SP2"/>');
    expect(find).toContain('FieldURI="calendar:StartTimeZone"');
    expect(find).not.toContain('StartTimeZoneId');
  });

  it('delegate access names the mailbox in the folder id and sends no impersonation header', async () => {
    const http = new FixtureHttp().on('FindItem', 'find-item-range-too-big-2019.xml');
    await collect(
      fixtureConnector(http, { access: 'delegate' }, opts).connector.calendarView('jan.devries@contoso.com', 'calendar', from, to),
    ).catch(() => []);
    const find = bodies(http, 'FindItem')[0];
    expect(find).toContain(
      '<t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>jan.devries@contoso.com</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>',
    );
    expect(find).not.toContain('ExchangeImpersonation');
  });

  it('SyncFolderItems: follows IncludesLastItemInRange=false with the new state; kinds merged across batches', async () => {
    const http = new FixtureHttp().on('SyncFolderItems', 'sync-folder-items-more-2019.xml', 'sync-folder-items-rest-2019.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const r = await connector.syncChanges!('anna.schmidt@contoso.com', 'calendar', undefined, { idsOnly: true });
    expect(http.pending()).toEqual([]);
    const sync = bodies(http, 'SyncFolderItems');
    expect(sync[0]).not.toContain('<m:SyncState>');
    expect(sync[0]).toContain('<m:MaxChangesReturned>512</m:MaxChangesReturned>');
    expect(sync[1]).toContain('<m:SyncState>H4sIAAAAAAAEAMORE1</m:SyncState>');
    expect(r.nextState).toBe('H4sIAAAAAAAEAFINAL');
    expect(r.changes).toEqual([]);
    // a2 was created, then changed: still a create. Read-flag changes are not calendar changes.
    expect([...r.changeIds!].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { kind: 'create', id: 'AAMkAGI2TG93AAA=a1' },
      { kind: 'create', id: 'AAMkAGI2TG93AAA=a2' },
      { kind: 'update', id: 'AAMkAGI2TG93AAA=a3' },
      { kind: 'delete', id: 'AAMkAGI2TG93AAA=a4' },
      { kind: 'create', id: 'AAMkAGI2TG93AAA=mr1' },
    ]);
  });

  it('EWS dateTimes become ISO UTC with milliseconds', () => {
    expect(ewsInstant('2026-01-12T09:00:00Z')).toBe('2026-01-12T09:00:00.000Z');
    expect(ewsInstant('2026-01-12T09:00:00.123Z')).toBe('2026-01-12T09:00:00.123Z');
    expect(ewsInstant('2026-01-12T10:00:00+01:00')).toBe('2026-01-12T09:00:00.000Z');
    expect(ewsInstant('2026-01-12T09:00:00')).toBe('2026-01-12T09:00:00.000Z');
    expect(ewsInstant(' ')).toBeUndefined();
    expect(ewsInstant('not a date')).toBeUndefined();
  });
});
