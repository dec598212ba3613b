// FindItem with a CalendarView, one page, built and read natively: every property the normalised event needs
// that Exchange returns from FindItem (not Body, attendee lists or Recurrence: FindItem refuses those with
// ErrorInvalidPropertyRequest). Organizers of internal people come back as legacy DNs (RoutingType EX).
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { ExchangeVersionName } from '../library-call.js';
import { calendarItemOf, itemIdOf, type CalendarItemData } from '../native/calendar-item.js';
import { CALENDAR_ITEMS } from '../native/calendar-item-reader.js';
import { unsupportedItem, type SkipReporter } from '../native/item-answers.js';
import { fieldUris, folderIdXml, postNative, throwIfError } from '../native/soap-call.js';
import type { EwsSession } from '../session.js';
import { child } from '../xml/safe-xml.js';
import type { EventField } from '../../../../shared/event-fields.js';
import { findFields, findFieldsFor } from './calendar-fields.js';
import { getItemData, skipReporter, withTimes } from './get-calendar-items.js';

export type CalendarViewEntry = CalendarItemData & { start: string; end: string };

export interface CalendarViewPage {
  items: CalendarViewEntry[];
  /** IncludesLastItemInRange: false means the page was cut at MaxEntriesReturned. */
  includesLast: boolean;
}

export function findCalendarViewBody(
  version: ExchangeVersionName,
  mailbox: string,
  folder: string,
  from: Date,
  to: Date,
  maxEntries: number,
  fields = findFields(version),
): string {
  return (
    `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>${fieldUris(fields)}</m:ItemShape>` +
    `<m:CalendarView MaxEntriesReturned="${maxEntries}" StartDate="${from.toISOString()}" EndDate="${to.toISOString()}"/>` +
    `<m:ParentFolderIds>${folderIdXml(folder, mailbox)}</m:ParentFolderIds></m:FindItem>`
  );
}

async function findPage(
  s: EwsSession,
  mailbox: string,
  folder: string,
  from: Date,
  to: Date,
  maxEntries: number,
  fields: string[],
  skip: SkipReporter,
): Promise<CalendarViewPage> {
  const { messages, ctx } = await postNative(
    s,
    mailbox,
    folder,
    findCalendarViewBody(s.version, mailbox, folder, from, to, maxEntries, fields),
    CALENDAR_ITEMS,
  );
  const msg = messages[0];
  throwIfError(msg, ctx);
  const root = child(msg, 'RootFolder');
  if (!root) throw new CalpumpError('ews.response.malformed', { params: { url: s.url }, evidence: 'FindItem: missing=RootFolder' });
  const items: CalendarViewEntry[] = [];
  for (const node of child(root, 'Items')?.children ?? []) {
    const id = itemIdOf(node);
    if (!id) throw new CalpumpError('ews.response.malformed', { params: { url: s.url }, evidence: `FindItem ${node.name} without ItemId` });
    // A MeetingRequest/MeetingResponse in a calendar folder: counted and reported, never silently dropped.
    if (node.name !== 'CalendarItem') {
      skip(unsupportedItem(ctx, id, node));
      continue;
    }
    const d = calendarItemOf(node);
    if (withTimes(s, mailbox, d, skip)) items.push(d as CalendarViewEntry);
  }
  return { items, includesLast: root.attrs.IncludesLastItemInRange !== 'false' };
}

const TIMES_ONLY = ['calendar:Start', 'calendar:End'];

/** FindItem for times only, then one GetItem pass (which takes every property) for the rest. */
async function leanPage(
  s: EwsSession,
  mailbox: string,
  folder: string,
  from: Date,
  to: Date,
  maxEntries: number,
  fields: string[],
  skip: SkipReporter,
): Promise<CalendarViewPage> {
  const page = await findPage(s, mailbox, folder, from, to, maxEntries, TIMES_ONLY, skip);
  const full = await getItemData(
    s,
    mailbox,
    page.items.map((i) => i.id),
    { fields },
    skip,
  );
  const items: CalendarViewEntry[] = [];
  page.items.forEach((d, i) => {
    const x = full[i];
    // Deleted between the two calls: nothing to export.
    if (x) items.push({ ...x, id: d.id, start: d.start, end: d.end });
  });
  return { items, includesLast: page.includesLast };
}

export async function findCalendarView(
  s: EwsSession,
  mailbox: string,
  folder: string,
  from: Date,
  to: Date,
  maxEntries: number,
  onSkip?: SkipReporter,
  /** The event fields the caller uses (absent: all): FindItem asks only for their properties. */
  wanted?: readonly EventField[],
): Promise<CalendarViewPage> {
  const skip = skipReporter(s, onSkip);
  const fields = findFieldsFor(s.version, wanted);
  if (!s.leanFindItem) {
    try {
      return await findPage(s, mailbox, folder, from, to, maxEntries, fields, skip);
    } catch (e) {
      if (!(e instanceof CalpumpError) || e.params.code !== 'ErrorInvalidPropertyRequest') throw e;
      s.leanFindItem = true;
      s.logger.warn('ews.findItem.propertiesRefused', {
        mailbox,
        evidence: e.evidence,
        action: 'leanFindItem',
      });
    }
  }
  return leanPage(s, mailbox, folder, from, to, maxEntries, fields, skip);
}
