// No silent loss on the EWS read path, on answers shaped as Exchange 2016/2019 send them (s:/soap: envelopes,
// default-namespace messages, Warning classes): GetItem answers are matched to the ids asked for by ItemId, a short
// answer is an error (never "deleted"), a MeetingResponse/MeetingRequest in a calendar folder is a counted skip,
// an organizer without an SMTP address is exported by name only, and ResolveNames prefers the directory.
import { describe, expect, it } from 'vitest';
import type { ItemSkip } from '../../../../src/core/connectors/connector.js';
import { pickResolution } from '../../../../src/core/connectors/ews/native/resolve-dn.js';
import { parseXml, descendants } from '../../../../src/core/connectors/ews/xml/safe-xml.js';
import { CalpumpError } from '../../../../src/core/errors/calpump-error.js';
import type { NormalisedEvent } from '../../../../src/shared/model.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { collect } from './sim-helpers.js';
import { fixture, FixtureHttp, fixtureConnector } from './fixture-http.js';

const schema = recordEwsRequestsForSchema();
const opts = { recorder: schema.recorder };
const from = new Date('2026-01-12T00:00:00Z');
const to = new Date('2026-01-19T00:00:00Z');
const MAILBOX = 'anna.schmidt@contoso.com';

async function read(http: FixtureHttp, o: { includeAttendees?: boolean } = {}) {
  const { connector, logger } = fixtureConnector(http, {}, opts);
  const skipped: ItemSkip[] = [];
  const events: NormalisedEvent[] | CalpumpError = await collect(
    connector.calendarView(MAILBOX, 'calendar', from, to, { ...o, onItemSkipped: (s) => skipped.push(s) }),
  ).catch((e: CalpumpError) => e);
  return { events, skipped, logger };
}

describe('EWS: answers matched to what was asked', () => {
  it('GetItem answers in another order land on the right events; a MeetingResponse in the calendar is a counted skip', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-calendarview-meeting-response-2019.xml')
      .on('GetItem', 'get-item-two-reordered-2016.xml');
    const { events, skipped, logger } = await read(http);
    expect(http.pending()).toEqual([]);
    if (events instanceof CalpumpError) throw events;
    expect(events.map((e) => [e.subject, e.organizer, e.attendees?.map((a) => [a.name, a.email])])).toEqual([
      ['Planning', { name: 'Anna Schmidt', email: 'anna.schmidt@contoso.com' }, [['Jan de Vries', 'jan.devries@contoso.com']]],
      // A departed organizer and attendee keep their names; a legacy DN is never exported as an e-mail address.
      ['Review', { name: 'Klaus Weber', email: undefined }, [['Sophie Martin', undefined]]],
    ]);
    expect(skipped.map((s) => [s.itemId, s.error.id, s.error.params.itemClass])).toEqual([
      ['AAMkAGI2TG93AAA=resp1', 'ews.item.unsupported', 'MeetingResponse'],
    ]);
    expect(skipped[0].error.render().message).toContain('MeetingResponse');
    expect(logger.records.filter((r) => r.event === 'ews.item.skipped')).toHaveLength(1);
  });

  it('a short GetItem answer fails the read with ews.response.incomplete instead of dropping an item', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-calendarview-meeting-response-2019.xml')
      .on('GetItem', 'get-item-short-answer-2019.xml');
    const { events } = await read(http);
    expect(events).toBeInstanceOf(CalpumpError);
    const err = events as CalpumpError;
    expect(err.id).toBe('ews.response.incomplete');
    expect(err.params).toMatchObject({ asked: '2', answered: '1', mailbox: MAILBOX });
    expect(err.render().message).toContain('Nothing was taken as deleted');
  });

  it('an answer naming an id nobody asked for is an error, not a swap', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-calendarview-meeting-response-2019.xml')
      .on('GetItem', 'get-item-stray-id-2019.xml');
    const { events } = await read(http);
    expect((events as CalpumpError).id).toBe('ews.response.incomplete');
    expect((events as CalpumpError).evidence).toContain('other9');
  });

  it('a MeetingRequest answered for an asked id (Warning class) is a counted skip; the other item is exported', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-calendarview-meeting-response-2019.xml')
      .on('GetItem', 'get-item-meeting-request-2019.xml');
    const { events, skipped } = await read(http);
    if (events instanceof CalpumpError) throw events;
    expect(events.map((e) => e.subject)).toEqual(['Planning']);
    expect(skipped.map((s) => [s.itemId, s.error.params.itemClass])).toEqual([
      ['AAMkAGI2TG93AAA=resp1', 'MeetingResponse'],
      ['AAMkAGI2TG93AAA=rev1', 'MeetingRequest'],
    ]);
  });

  it('without attendees: a DN that neither ResolveNames nor GetItem turns into SMTP is exported by name only', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-calendarview-meeting-response-2019.xml')
      .on('ResolveNames', 'resolve-names-no-results-2016.xml')
      .on('GetItem', 'get-item-organizer-dn-2016.xml');
    const { events } = await read(http, { includeAttendees: false });
    if (events instanceof CalpumpError) throw events;
    expect(events.find((e) => e.subject === 'Review')?.organizer).toEqual({ name: 'Klaus Weber', email: undefined });
  });

  it('GetItem for a sync batch: a short answer is an error, a MeetingRequest a skip — nothing is reported as deleted', async () => {
    const short = new FixtureHttp().on('SyncFolderItems', 'sync-folder-items-2016.xml').on('GetItem', 'get-item-short-answer-2019.xml');
    const ids = (descendants(parseXml(fixture('sync-folder-items-2016.xml')), 'ItemId') ?? []).length;
    const r = await fixtureConnector(short, {}, opts).connector.syncChanges!(MAILBOX, 'calendar', undefined).catch((e: unknown) => e);
    // The fixture's batch names more than one created/updated id, so one answer cannot account for them.
    expect(ids).toBeGreaterThan(1);
    expect((r as CalpumpError).id).toBe('ews.response.incomplete');
  });
});

describe('EWS: ResolveNames answers with several matches', () => {
  const resolutions = (name: string) => descendants(parseXml(fixture(name)), 'Resolution');

  it('prefer the directory entry over a personal contact, whatever the order', () => {
    expect(pickResolution(resolutions('resolve-names-contact-then-directory-2019.xml'))).toBe('klaus.weber@contoso.com');
    expect(pickResolution([...resolutions('resolve-names-contact-then-directory-2019.xml')].reverse())).toBe('klaus.weber@contoso.com');
  });

  it('several contacts or several directory entries: no guess (the caller asks GetItem)', () => {
    expect(pickResolution(resolutions('resolve-names-two-contacts-2019.xml'))).toBeUndefined();
    expect(pickResolution(resolutions('resolve-names-warning-2019.xml'))).toBeUndefined();
    expect(pickResolution(resolutions('resolve-names-legacy-dn-2016.xml'))).toMatch(/@contoso\.com$/);
  });

  it('the connector resolves an organizer DN to the directory entry, not the contact listed first', async () => {
    const http = new FixtureHttp()
      .on('FindItem', 'find-item-calendarview-meeting-response-2019.xml')
      .on('ResolveNames', 'resolve-names-contact-then-directory-2019.xml');
    const { events } = await read(http, { includeAttendees: false });
    if (events instanceof CalpumpError) throw events;
    expect(events.find((e) => e.subject === 'Review')?.organizer?.email).toBe('klaus.weber@contoso.com');
    expect(http.pending()).toEqual([]);
  });
});
