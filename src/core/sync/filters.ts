// Job filters, applied to every event before any target sees it. "mask" keeps a private appointment as busy time
// but removes everything that could identify it: subject, location, body, attendees, organizer and categories.
import { PRIVATE_PLACEHOLDER_SUBJECT, type JobFilters } from '../../shared/job.js';
import type { NormalisedEvent } from '../../shared/model.js';

export function isPrivate(e: NormalisedEvent): boolean {
  return e.sensitivity === 'private' || e.sensitivity === 'confidential';
}

/** The event as the job exports it, or undefined when the job leaves it out. */
export function applyFilters(e: NormalisedEvent, f: JobFilters): NormalisedEvent | undefined {
  if (f.exclusionMarker && e.subject.includes(f.exclusionMarker)) return undefined;
  if (f.showAs && !f.showAs.includes(e.showAs)) return undefined;
  if (!f.includeCancelled && e.isCancelled) return undefined;
  const out: NormalisedEvent = { ...e };
  if (!f.includeBody) delete out.body;
  if (f.includeAttendees === false) delete out.attendees;
  if (isPrivate(e)) {
    if (f.private === 'skip') return undefined;
    if (f.private === 'mask') {
      out.subject = PRIVATE_PLACEHOLDER_SUBJECT;
      out.location = '';
      out.categories = [];
      delete out.body;
      delete out.attendees;
      delete out.organizer;
    }
  }
  return out;
}
