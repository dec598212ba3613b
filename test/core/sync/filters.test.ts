import { describe, expect, it } from 'vitest';
import { applyFilters } from '../../../src/core/sync/filters.js';
import { filtersSchema } from '../../../src/shared/job.js';
import { makeEvent } from '../../support/fake-connector.js';

const privateEvent = makeEvent({
  start: '2026-03-02T09:00:00.000Z',
  end: '2026-03-02T10:00:00.000Z',
  subject: 'Therapy',
  location: 'Dr. Who, Main St',
  body: 'notes',
  sensitivity: 'private',
  categories: ['Health'],
  attendees: [{ name: 'Dr. Who', email: 'who@clinic.example', type: 'required', response: 'accepted' }],
});
const f = (over: object) => filtersSchema.parse(over);

describe('applyFilters', () => {
  it('mask keeps the busy time but hides subject, location, body, attendees, organizer and categories', () => {
    const out = applyFilters(privateEvent, f({ private: 'mask', includeBody: true }))!;
    expect(out).toMatchObject({
      subject: 'Private appointment',
      location: '',
      categories: [],
      start: privateEvent.start,
      end: privateEvent.end,
      showAs: 'busy',
    });
    expect(out.body).toBeUndefined();
    expect(out.attendees).toBeUndefined();
    expect(out.organizer).toBeUndefined();
    expect(JSON.stringify(out)).not.toMatch(/Therapy|Dr\. Who|notes|Health/);
  });

  it('skip leaves private (and confidential) items out; include keeps them as they are', () => {
    expect(applyFilters(privateEvent, f({ private: 'skip' }))).toBeUndefined();
    expect(applyFilters({ ...privateEvent, sensitivity: 'confidential' }, f({ private: 'skip' }))).toBeUndefined();
    expect(applyFilters(privateEvent, f({ private: 'include', includeBody: true }))).toEqual(privateEvent);
  });

  it('drops items with the exclusion marker, outside the showAs list, or cancelled when asked', () => {
    const e = makeEvent({ start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z', subject: 'Lunch ## not for export' });
    expect(applyFilters(e, f({ exclusionMarker: '##' }))).toBeUndefined();
    expect(applyFilters({ ...e, subject: 'Lunch' }, f({ exclusionMarker: '##' }))).toBeDefined();
    expect(applyFilters({ ...e, subject: 'x', showAs: 'free' }, f({ showAs: ['busy', 'oof'] }))).toBeUndefined();
    expect(applyFilters({ ...e, subject: 'x', isCancelled: true }, f({ includeCancelled: false }))).toBeUndefined();
  });

  it('removes the body unless the job asks for it', () => {
    expect(applyFilters({ ...privateEvent, sensitivity: 'normal' }, f({}))!.body).toBeUndefined();
  });
});
