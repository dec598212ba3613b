// A field selection (job.fields, `calpump export --fields`) on both sides of a run: what the connector must read
// (the selected fields, what the format always writes, what the filters test, and what the pump itself needs to
// place and diff an event), and what a job's sync state keeps of each event (the output's own fields, so a
// change to a field nobody exports rewrites nothing, and no left-out field is stored on disk).
import type { EventField } from '../../shared/event-fields.js';
import type { JobFilters } from '../../shared/job.js';
import type { NormalisedEvent } from '../../shared/model.js';

/** Identity and place of an event: eventKey (uid, originalStart), the window and order (start, end), sync removals (id, seriesId). */
const IDENTITY: readonly EventField[] = ['id', 'seriesId', 'uid', 'originalStart', 'start', 'end'];

export interface FieldOutput {
  /** The file format (a webhook: json); only ics writes fields of its own. */
  format: string;
  icsSeries?: boolean;
}

/** What a format writes whatever the selection: ICS's DTSTAMP (lastModified) and DATE values (isAllDay); a series' zone. */
function formatNeeds(o: FieldOutput): EventField[] {
  if (o.format !== 'ics') return [];
  return o.icsSeries ? ['isAllDay', 'lastModified', 'timeZone'] : ['isAllDay', 'lastModified'];
}

/** What the filters test: the sensitivity (private items), the subject (exclusion marker), showAs, isCancelled. */
function filterNeeds(f: Partial<JobFilters>): EventField[] {
  const out: EventField[] = [];
  if ((f.private ?? 'mask') !== 'include') out.push('sensitivity');
  if (f.exclusionMarker) out.push('subject');
  if (f.showAs) out.push('showAs');
  if (f.includeCancelled === false) out.push('isCancelled');
  return out;
}

/**
 * The fields a connector must read for this output (undefined: every field). Body and attendees only when the
 * filters let them through; seriesId only when selected (without it, a removed series re-reads the window).
 */
export function fieldsToRead(
  fields: readonly EventField[] | undefined,
  o: FieldOutput & { filters?: Partial<JobFilters> },
): EventField[] | undefined {
  if (!fields) return undefined;
  const want = new Set<EventField>([
    ...fields,
    ...IDENTITY.filter((f) => f !== 'seriesId'),
    ...formatNeeds(o),
    ...filterNeeds(o.filters ?? {}),
  ]);
  if (!o.filters?.includeBody) want.delete('body');
  if (o.filters?.includeAttendees === false) want.delete('attendees');
  return [...want];
}

/** The fields a sync state keeps of each event: the output's, its identity and what the format writes always. */
export function fieldsToKeep(fields: readonly EventField[] | undefined, o: FieldOutput): ReadonlySet<EventField> | undefined {
  return fields && new Set<EventField>([...fields, ...IDENTITY, ...formatNeeds(o)]);
}

/** The event with every field not in `keep` emptied (strings '', lists [], flags false, people and body gone). */
export function keepFields(e: NormalisedEvent, keep: ReadonlySet<EventField> | undefined): NormalisedEvent {
  if (!keep) return e;
  const out: NormalisedEvent = { ...e };
  if (!keep.has('subject')) out.subject = '';
  if (!keep.has('location')) out.location = '';
  if (!keep.has('timeZone')) out.timeZone = '';
  if (!keep.has('isAllDay')) out.isAllDay = false;
  if (!keep.has('showAs')) out.showAs = 'unknown';
  if (!keep.has('sensitivity')) out.sensitivity = 'normal';
  if (!keep.has('isCancelled')) out.isCancelled = false;
  if (!keep.has('categories')) out.categories = [];
  if (!keep.has('lastModified')) out.lastModified = '';
  if (!keep.has('organizer')) delete out.organizer;
  if (!keep.has('attendees')) delete out.attendees;
  if (!keep.has('body')) delete out.body;
  return out;
}
