// The calendar properties FindItem asks for on the read path, shared by the CalendarView page reader and the
// GetItem detail reader (which adds the people and the body) so neither has to import the other.
import type { EventField } from '../../../../shared/event-fields.js';
import type { ExchangeVersionName } from '../library-call.js';

const FIND_FIELDS = [
  'item:Subject',
  'item:Sensitivity',
  'item:Categories',
  'item:LastModifiedTime',
  'calendar:UID',
  'calendar:RecurrenceId',
  'calendar:Start',
  'calendar:End',
  'calendar:OriginalStart',
  'calendar:IsAllDayEvent',
  'calendar:LegacyFreeBusyStatus',
  'calendar:Location',
  'calendar:IsCancelled',
  'calendar:CalendarItemType',
  'calendar:Organizer',
] as const;

/** StartTimeZoneId exists from Exchange 2010 SP2's successor schema (2013); older sessions read StartTimeZone's Id. */
export function findFields(version: ExchangeVersionName): string[] {
  return [...FIND_FIELDS, version === 'Exchange2010_SP2' ? 'calendar:StartTimeZone' : 'calendar:StartTimeZoneId'];
}

/** What every read needs to place an item: its UID, times (all-day dates need the zone), kind and original start. */
const PLACE_FIELDS = [
  'calendar:UID',
  'calendar:RecurrenceId',
  'calendar:Start',
  'calendar:End',
  'calendar:OriginalStart',
  'calendar:IsAllDayEvent',
  'calendar:CalendarItemType',
] as const;

/** The property each optional event field is read from (the others come from PLACE_FIELDS or a GetItem). */
const FIELD_PROPERTY: Partial<Record<EventField, string>> = {
  subject: 'item:Subject',
  sensitivity: 'item:Sensitivity',
  categories: 'item:Categories',
  lastModified: 'item:LastModifiedTime',
  showAs: 'calendar:LegacyFreeBusyStatus',
  location: 'calendar:Location',
  isCancelled: 'calendar:IsCancelled',
  organizer: 'calendar:Organizer',
};

/**
 * FindItem's properties for a field selection (absent: every property, findFields): what places the item and the
 * zone, plus one property per wanted field — an export of times and subjects asks for nothing else.
 */
export function findFieldsFor(version: ExchangeVersionName, fields: readonly EventField[] | undefined): string[] {
  if (!fields) return findFields(version);
  const zone = version === 'Exchange2010_SP2' ? 'calendar:StartTimeZone' : 'calendar:StartTimeZoneId';
  const wanted = fields.flatMap((f) => FIELD_PROPERTY[f] ?? []);
  return [...PLACE_FIELDS, ...wanted, zone];
}
