// FindItem with a CalendarView, one page, built and read natively: every property the normalised event needs
// that Exchange returns from FindItem (not Body, attendee lists or Recurrence: FindItem refuses those with
// ErrorInvalidPropertyRequest). Organizers of internal people come back as legacy DNs (RoutingType EX).
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { ExchangeVersionName } from '../library-call.js';
import { calendarItemsOf, type CalendarItemData } from '../native/calendar-item.js';
import { fieldUris, folderIdXml, postNative, throwIfError } from '../native/soap-call.js';
import type { EwsSession } from '../session.js';
import { child } from '../xml/safe-xml.js';

export type CalendarViewEntry = CalendarItemData & { start: string; end: string };

export interface CalendarViewPage {
  items: CalendarViewEntry[];
  /** IncludesLastItemInRange: false means the page was cut at MaxEntriesReturned. */
  includesLast: boolean;
}

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

export function findCalendarViewBody(version: ExchangeVersionName, mailbox: string, folder: string, from: Date, to: Date, maxEntries: number): string {
  return (
    `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>${fieldUris(findFields(version))}</m:ItemShape>` +
    `<m:CalendarView MaxEntriesReturned="${maxEntries}" StartDate="${from.toISOString()}" EndDate="${to.toISOString()}"/>` +
    `<m:ParentFolderIds>${folderIdXml(folder, mailbox)}</m:ParentFolderIds></m:FindItem>`
  );
}

export async function findCalendarView(s: EwsSession, mailbox: string, folder: string, from: Date, to: Date, maxEntries: number): Promise<CalendarViewPage> {
  const { messages, ctx } = await postNative(s, mailbox, folder, findCalendarViewBody(s.version, mailbox, folder, from, to, maxEntries));
  const msg = messages[0];
  throwIfError(msg, ctx);
  const root = child(msg, 'RootFolder');
  if (!root) throw new CalpumpError('ews.response.malformed', { params: { url: s.url }, evidence: 'FindItem answer without RootFolder' });
  const items: CalendarViewEntry[] = [];
  for (const d of calendarItemsOf(child(root, 'Items'))) {
    if (!d.id || !d.start || !d.end) throw new CalpumpError('ews.response.malformed', { params: { url: s.url }, evidence: `FindItem CalendarItem without ItemId, Start or End (${d.id || 'no id'})` });
    items.push(d as CalendarViewEntry);
  }
  return { items, includesLast: root.attrs.IncludesLastItemInRange !== 'false' };
}
