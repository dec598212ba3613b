// The calendar properties FindItem asks for on the read path, shared by the CalendarView page reader and the
// GetItem detail reader (which adds the people and the body) so neither has to import the other.
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
