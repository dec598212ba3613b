// @vitest-environment jsdom
// The preview of a folder: the rows one arrow-key group, the zone written above the times,
// all-day items as dates, and a detail pane per event with organizer, attendees, recurrence and ids — every
// word from the message tables, in German too.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EventPreview } from '../../../../src/renderer/views/browse/EventPreview.js';
import { formatDateTime, formatEventTime, zoneName } from '../../../../src/renderer/models/format.js';
import { translate } from '../../../../src/shared/i18n/index.js';
import type { NormalisedEvent } from '../../../../src/shared/model.js';
import { fakeClient } from '../../support/fake-client.js';
import { renderWithApp } from '../../support/render.js';
import { EVERY_OTHER_MON_WED } from '../../../support/sample-recurrence.js';

afterEach(cleanup);

const base: NormalisedEvent = {
  id: 'AAMkAG-1',
  iCalUId: '040000008200E00074C5B7101A82E008-1',
  subject: 'Board meeting',
  start: '2026-03-11T09:00:00.000Z',
  end: '2026-03-11T10:00:00.000Z',
  timeZone: 'W. Europe Standard Time',
  isAllDay: false,
  location: 'Room 1',
  organizer: { name: 'Anna Schmidt', email: 'anna.schmidt@contoso.com' },
  attendees: [
    { name: 'Jan de Vries', email: 'jan@contoso.com', type: 'required', response: 'accepted' },
    { email: 'room.amsterdam@contoso.com', type: 'resource', response: 'tentative' },
  ],
  showAs: 'oof',
  sensitivity: 'private',
  isCancelled: false,
  categories: ['Blue'],
  lastModified: '2026-03-01T08:00:00.000Z',
  seriesId: 'AAMkAG-series',
  originalStart: '2026-03-11T09:00:00.000Z',
  recurrence: EVERY_OTHER_MON_WED,
};
const allDay: NormalisedEvent = {
  ...base,
  id: 'AAMkAG-2',
  iCalUId: 'uid-2',
  subject: 'Holiday',
  start: '2026-12-06T00:00:00.000Z',
  end: '2026-12-09T00:00:00.000Z',
  isAllDay: true,
  attendees: [],
  seriesId: undefined,
  originalStart: undefined,
  recurrence: undefined,
};

describe('EventPreview', () => {
  it('is one Tab stop, writes the zone and all-day items as dates, and opens an event in full', async () => {
    renderWithApp(<EventPreview events={[base, allDay]} truncated={false} />, fakeClient({}).client);
    const rows = screen.getAllByTestId('preview-event');
    expect(rows).toHaveLength(2);
    expect(screen.getByTestId('browse-preview').textContent).toContain(translate('en', 'browse.preview.zone', { zone: zoneName('en') }));
    // All-day: the three days as dates, no times (the stored end is the day after).
    const holiday = rows[1].textContent ?? '';
    expect(holiday).toContain(formatEventTime(allDay, 'en', translate('en', 'browse.preview.allDay')));
    expect(holiday).not.toMatch(/\d{1,2}:\d{2}/);
    // The rows are one arrow-key group (Tabster's mover: Tab leaves the table; the screen sweep checks that in Chromium).
    expect(rows[0].parentElement?.getAttribute('data-tabster')).toContain('mover');
    // A screen reader hears the row as it reads: subject, time (with the zone) and show-as, not the subject alone.
    expect(rows[0].getAttribute('aria-label')).toBe(
      translate('en', 'event.open', {
        subject: 'Board meeting',
        when: formatEventTime(base, 'en', translate('en', 'browse.preview.allDay')),
        showAs: translate('en', 'showAs.oof'),
      }),
    );
    expect(rows[0].getAttribute('aria-label')).toContain(zoneName('en', new Date(base.start)));

    // The pane opens below the rows, out of sight under a long list: it scrolls itself into view.
    const revealed: Element[] = [];
    // jsdom has no scrollIntoView: one that records what it was asked to show, for this step only.
    Object.defineProperty(Element.prototype, 'scrollIntoView', {
      configurable: true,
      value(this: Element) {
        revealed.push(this);
      },
    });
    await act(async () => fireEvent.keyDown(rows[0], { key: 'Enter' }));
    delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    const detail = screen.getByTestId('event-detail');
    expect(revealed).toContain(detail);
    const text = detail.textContent ?? '';
    expect(text).toContain('Anna Schmidt <anna.schmidt@contoso.com>');
    expect(text).toContain(
      `Jan de Vries <jan@contoso.com> · ${translate('en', 'attendee.type.required')} · ${translate('en', 'attendee.response.accepted')}`,
    );
    // An occurrence (it has an original start too) is no exception; its series' pattern is stated in words.
    expect(screen.getByTestId('event-detail-recurrence').textContent).toBe(translate('en', 'event.recurrence.occurrence'));
    expect(screen.getByTestId('event-detail-pattern').textContent).toBe(
      'Every 2 weeks on Monday and Wednesday, from Mar 2, 2026 until Jun 29, 2026',
    );
    expect(text).toContain(translate('en', 'sensitivity.private'));
    expect(text).toContain(translate('en', 'showAs.oof'));
    expect(text).toContain(base.iCalUId);
    expect(text).toContain(base.id);
    expect(text).toContain('Blue');
    expect(rows[0].getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByTestId('event-detail-close'));
    expect(screen.queryByTestId('event-detail')).toBeNull();
    // Closing hands focus back to the row it came from, not to the page.
    expect(document.activeElement).toBe(rows[0]);
  });

  it('names a changed occurrence an exception, and a single event single, without a pattern', async () => {
    const moved: NormalisedEvent = {
      ...base,
      id: 'AAMkAG-3',
      isException: true,
      start: '2026-03-12T13:00:00.000Z',
      end: '2026-03-12T14:00:00.000Z',
    };
    renderWithApp(<EventPreview events={[moved, allDay]} truncated={false} />, fakeClient({}).client);
    const rows = screen.getAllByTestId('preview-event');
    await act(async () => fireEvent.click(rows[0]));
    expect(screen.getByTestId('event-detail-recurrence').textContent).toBe(
      translate('en', 'event.recurrence.exception', { at: formatDateTime(base.originalStart, 'en') }),
    );
    expect(screen.getByTestId('event-detail-pattern').textContent).toContain('Every 2 weeks');
    await act(async () => fireEvent.click(rows[1]));
    expect(screen.getByTestId('event-detail-recurrence').textContent).toBe(translate('en', 'event.recurrence.single'));
    expect(screen.queryByTestId('event-detail-pattern')).toBeNull();
  });

  it('in German: no English word and no raw value in the row or the detail pane', async () => {
    renderWithApp(<EventPreview events={[base]} truncated={false} />, fakeClient({}).client, 'de');
    await act(async () => fireEvent.click(screen.getByTestId('preview-event')));
    const text = screen.getByTestId('browse-preview').textContent ?? '';
    const label = screen.getByTestId('preview-event').getAttribute('aria-label') ?? '';
    for (const raw of [
      'oof',
      'private',
      'required',
      'accepted',
      'Organizer',
      'Attendees',
      'Recurrence',
      'weekly',
      'Every',
      'Monday',
      'until',
    ])
      expect(`${text} ${label}`, raw).not.toMatch(new RegExp(`\\b${raw}\\b`));
    expect(label).toContain(translate('de', 'showAs.oof'));
    expect(text).toContain(translate('de', 'sensitivity.private'));
    expect(text).toContain(translate('de', 'attendee.response.accepted'));
    expect(screen.getByTestId('event-detail-pattern').textContent).toBe(
      'Alle 2 Wochen am Montag und Mittwoch, vom 2. März 2026 bis 29. Juni 2026',
    );
  });
});
