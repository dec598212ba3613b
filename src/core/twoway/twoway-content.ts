// What two-way compares and carries: the fields a person changes in either calendar. The hash ignores server
// bookkeeping (ids, change keys, categories, bodies), so a version changes only when a person changed it.
import { createHash } from 'node:crypto';
import type { NormalisedEvent, Sensitivity, ShowAs } from '../../shared/model.js';
import type { Appointment, AppointmentField } from '../connectors/writer.js';

export interface Version {
  id: string;
  subject: string;
  start: string;
  end: string;
  isAllDay: boolean;
  timeZone: string;
  location: string;
  showAs: ShowAs;
  sensitivity: Sensitivity;
  categories: string[];
  lastModified: string;
  /** Set for an occurrence or exception of a series (only some fields can be written to it). */
  seriesId?: string;
}

/** Fields written back to an item Calpump did not create. */
export function nativeFields(v: Version): AppointmentField[] {
  return v.seriesId ? ['subject', 'start', 'end', 'location', 'showAs'] : ['subject', 'start', 'end', 'isAllDay', 'location', 'showAs'];
}

export function versionHash(v: Pick<Version, 'subject' | 'start' | 'end' | 'isAllDay' | 'location' | 'showAs'>): string {
  const canonical = JSON.stringify([
    v.subject.trim(),
    new Date(v.start).toISOString(),
    new Date(v.end).toISOString(),
    v.isAllDay,
    v.location.trim(),
    v.showAs,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}

export function versionOfEvent(e: NormalisedEvent): Version {
  return {
    id: e.id,
    subject: e.subject,
    start: e.start,
    end: e.end,
    isAllDay: e.isAllDay,
    timeZone: e.timeZone,
    location: e.location,
    showAs: e.showAs,
    sensitivity: e.sensitivity,
    categories: e.categories,
    lastModified: e.lastModified,
    seriesId: e.seriesId,
  };
}

export function appointmentOf(v: Version): Appointment {
  return {
    subject: v.subject,
    start: v.start,
    end: v.end,
    isAllDay: v.isAllDay,
    timeZone: v.timeZone,
    location: v.location,
    showAs: v.showAs,
    sensitivity: v.sensitivity,
    categories: v.categories,
  };
}

/** A version as it goes into the conflict log: what a person would compare. */
export function describeVersion(v: Version | undefined): Record<string, unknown> | null {
  if (!v) return null;
  return {
    id: v.id,
    subject: v.subject,
    start: v.start,
    end: v.end,
    isAllDay: v.isAllDay,
    location: v.location,
    showAs: v.showAs,
    lastModified: v.lastModified,
  };
}
