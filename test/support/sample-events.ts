// A small, varied set of events for format and target tests: a plain meeting, awkward text, an all-day
// event, a series occurrence and a moved exception, a private item and one with a body and attendees.
import type { NormalisedEvent } from '../../src/shared/model.js';
import { makeEvent } from './fake-connector.js';

export function sampleEvents(): NormalisedEvent[] {
  return [
    makeEvent({
      id: 'a1',
      iCalUId: 'uid-plain@contoso.com',
      subject: 'Weekly sync',
      start: '2026-03-02T09:00:00.000Z',
      end: '2026-03-02T10:00:00.000Z',
    }),
    makeEvent({
      id: 'a2',
      iCalUId: 'uid-awkward@contoso.com',
      subject: 'Budget, Q2; "final" review\nsecond line — äöü ß €',
      location: 'Raum 1.02, Gebäude "B"',
      start: '2026-03-02T11:00:00.000Z',
      end: '2026-03-02T12:30:00.000Z',
      categories: ['Red category', 'Projekt; X'],
    }),
    makeEvent({
      id: 'a3',
      iCalUId: 'uid-allday@contoso.com',
      subject: 'Public holiday',
      isAllDay: true,
      start: '2026-03-03T00:00:00.000Z',
      end: '2026-03-04T00:00:00.000Z',
      showAs: 'free',
      location: '',
    }),
    makeEvent({
      id: 'occ-1',
      seriesId: 'master-1',
      iCalUId: 'uid-series@contoso.com',
      originalStart: '2026-03-04T08:00:00.000Z',
      subject: 'Stand-up',
      start: '2026-03-04T08:00:00.000Z',
      end: '2026-03-04T08:15:00.000Z',
    }),
    makeEvent({
      id: 'occ-2',
      seriesId: 'master-1',
      iCalUId: 'uid-series@contoso.com',
      originalStart: '2026-03-05T08:00:00.000Z',
      subject: 'Stand-up (moved)',
      start: '2026-03-05T10:00:00.000Z',
      end: '2026-03-05T10:15:00.000Z',
    }),
    makeEvent({
      id: 'a6',
      iCalUId: 'uid-private@contoso.com',
      subject: 'Doctor',
      sensitivity: 'private',
      start: '2026-03-06T07:00:00.000Z',
      end: '2026-03-06T08:00:00.000Z',
    }),
    makeEvent({
      id: 'a7',
      iCalUId: 'uid-body@contoso.com',
      subject: 'Kick-off',
      start: '2026-03-06T13:00:00.000Z',
      end: '2026-03-06T14:00:00.000Z',
      body: 'Agenda:\r\n1. Intro\r\n2. Plan, "scope"',
      isCancelled: true,
      attendees: [
        { name: 'Jan de Vries', email: 'jan.devries@contoso.com', type: 'required', response: 'accepted' },
        { name: 'Room Amsterdam', email: 'room.amsterdam@contoso.com', type: 'resource', response: 'accepted' },
        { name: 'No Mail', type: 'optional', response: 'none' },
      ],
    }),
  ];
}
