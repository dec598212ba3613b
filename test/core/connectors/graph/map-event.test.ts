// Graph event JSON (real shapes, test/fixtures/graph) → NormalisedEvent.
import { describe, expect, it } from 'vitest';
import { mapGraphEvent, type GraphEvent } from '../../../../src/core/connectors/graph/map-event.js';
import { normalisedEventSchema } from '../../../../src/shared/model.js';
import { fixture } from './fixtures.js';

const page = JSON.parse(fixture('calendarview-page.json')) as { value: GraphEvent[] };
const [single, occurrence, exception, allDay] = page.value as [GraphEvent, GraphEvent, GraphEvent, GraphEvent];
const SERIES_UID = '040000008200E00074C5B7101A82E00800000000D0AE4A2B3F5BDC01000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90';

describe('mapGraphEvent', () => {
  it('maps a single instance with UTC times, IANA zone, organizer and attendees', () => {
    const e = mapGraphEvent(single, undefined);
    expect(normalisedEventSchema.parse(e)).toEqual(e);
    expect(e).toMatchObject({
      id: 'AAMkAGI2TG93AAA=',
      start: '2026-11-25T08:00:00.000Z',
      end: '2026-11-25T09:30:00.000Z',
      timeZone: 'Europe/Berlin',
      location: 'Raum Spree',
      showAs: 'busy',
      categories: ['Blue category'],
      organizer: { name: 'Anna Schmidt', email: 'anna.schmidt@contoso.com' },
      lastModified: '2026-11-20T08:14:03.118Z',
    });
    expect(e.seriesId).toBeUndefined();
    expect(e.attendees).toEqual([
      { name: 'Jan de Vries', email: 'jan.devries@contoso.com', type: 'required', response: 'accepted' },
      { name: 'Berlin Spree', email: 'room.berlin@contoso.com', type: 'resource', response: 'none' },
    ]);
  });

  it('gives occurrences and exceptions the series UID and their original start', () => {
    const o = mapGraphEvent(occurrence, SERIES_UID);
    expect(o).toMatchObject({ iCalUId: SERIES_UID, seriesId: 'AAMkAGI2TG9SERIES=', originalStart: '2026-11-26T08:00:00.000Z' });
    const x = mapGraphEvent(exception, SERIES_UID);
    expect(x).toMatchObject({
      iCalUId: SERIES_UID,
      originalStart: '2026-11-27T08:00:00.000Z',
      start: '2026-11-27T10:00:00.000Z',
      showAs: 'tentative',
      location: '',
      isException: true,
    });
    // A plain occurrence is no exception, though it carries an original start too.
    expect(o.isException).toBeUndefined();
  });

  it('keeps all-day dates floating and turns the original start into the local date', () => {
    const a = mapGraphEvent(allDay, 'SERIES');
    expect(a).toMatchObject({
      isAllDay: true,
      start: '2026-11-28T00:00:00.000Z',
      end: '2026-11-29T00:00:00.000Z',
      originalStart: '2026-11-28T00:00:00.000Z',
      sensitivity: 'private',
      showAs: 'oof',
    });
  });

  it('includes the body only when asked', () => {
    const withBody = { ...single, body: { contentType: 'html', content: '<p>Agenda</p>' } };
    expect(mapGraphEvent(withBody, undefined).body).toBeUndefined();
    expect(mapGraphEvent(withBody, undefined, true).body).toBe('<p>Agenda</p>');
  });
});
