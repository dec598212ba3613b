// FindItem: CalendarView (occurrences expanded, capped by MaxEntriesReturned → IncludesLastItemInRange
// false) or IndexedPageItemView (masters and singles, paged).
import { eventsInFolder } from '../../world/world.js';
import { compareExpanded, expandEvent } from '../../world/recurrence.js';
import { attr, child, elementChildren } from '../../xml/safe-parse.js';
import type { EwsCall } from '../call.js';
import { folderRefs, openFolderRef } from '../folder-ref.js';
import { calendarItemXml, checkFindShape } from '../item-xml.js';
import { checkPimFindShape, pimItemXml } from '../pim-item-xml.js';
import { pagedItems } from './find-pim-items.js';
import { viewOfEvent, viewOfExpanded, type ItemView } from '../item-view.js';
import { perItem, wrapped } from '../responses.js';
import { parseShape } from '../shape.js';
import { EwsResponseError, NS, successMessage } from '../soap.js';
import { evaluate, restrictionOf } from '../restriction.js';

/** Exchange's default EWSFindCountLimit throttling value. */
export const FIND_COUNT_LIMIT = 1000;
const TWO_YEARS_MS = (2 * 365 + 1) * 86_400_000;

function parseDate(value: string | undefined): number {
  const ms = value ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new EwsResponseError('ErrorInvalidRequest', 'The request is invalid.');
  return ms;
}

function sortViews(views: ItemView[], orderEl: Element | undefined): ItemView[] {
  const order = elementChildren(orderEl, 'FieldOrder', NS.t)[0];
  if (!order) return views.sort(compareExpanded);
  const uri = attr(child(order, 'FieldURI', NS.t), 'FieldURI') ?? 'calendar:Start';
  const dir = attr(order, 'Order') === 'Descending' ? -1 : 1;
  const key = (v: ItemView): string =>
    uri === 'item:Subject'
      ? v.subject
      : uri === 'item:LastModifiedTime'
        ? v.lastModified
        : uri === 'calendar:End'
          ? v.end
          : uri === 'item:DateTimeCreated' || uri === 'item:DateTimeReceived'
            ? v.ev.created
            : v.start;
  return views.sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : 0));
}

function itemValue(v: ItemView) {
  return (uri: string): string | string[] | undefined => {
    const ev = v.ev;
    switch (uri) {
      case 'item:Subject':
        return v.subject;
      case 'item:Categories':
        return ev.categories.length ? ev.categories : undefined;
      case 'item:Sensitivity':
        return ev.sensitivity[0].toUpperCase() + ev.sensitivity.slice(1);
      case 'item:LastModifiedTime':
        return v.lastModified;
      case 'item:DateTimeCreated':
        return ev.created;
      case 'calendar:Start':
        return v.start;
      case 'calendar:End':
        return v.end;
      case 'calendar:Location':
        return v.location || undefined;
      case 'calendar:UID':
        return ev.iCalUId;
      case 'calendar:IsAllDayEvent':
        return String(ev.isAllDay);
      case 'calendar:IsRecurring':
        return String(v.kind !== 'Single');
      case 'calendar:CalendarItemType':
        return v.kind;
      default:
        return ev.extendedProperties.find((p) => p.key.toLowerCase() === uri.toLowerCase())?.value;
    }
  };
}

export async function findItem(call: EwsCall): Promise<string> {
  const shape = parseShape(child(call.op, 'ItemShape', NS.m));
  const calView = child(call.op, 'CalendarView', NS.m);
  const pageView = child(call.op, 'IndexedPageItemView', NS.m);
  const sortOrder = child(call.op, 'SortOrder', NS.m);
  const refs = folderRefs(child(call.op, 'ParentFolderIds', NS.m));
  const messages = perItem(
    refs,
    (ref) => {
      const folder = openFolderRef(call, ref, 'read');
      if (!calView && /^IPF\.(Contact|Task)/.test(folder.folderClass)) {
        checkPimFindShape(shape);
        const page = pagedItems(call, folder, pageView);
        return successMessage(
          'FindItemResponseMessage',
          `<m:RootFolder ${page.rootAttrs}><t:Items>${page.items.map((i) => pimItemXml(call, i, shape, 'find')).join('')}</t:Items></m:RootFolder>`,
        );
      }
      checkFindShape(shape, call.faults.findItemRefuses);
      const events = eventsInFolder(call.world, folder.id);
      let views: ItemView[];
      let rootAttrs: string;
      if (calView) {
        if (restrictionOf(call.op))
          throw new EwsResponseError('ErrorInvalidRestriction', 'Restrictions and sort order may not be specified for a CalendarView.');
        const from = parseDate(attr(calView, 'StartDate'));
        const to = parseDate(attr(calView, 'EndDate'));
        if (to < from) throw new EwsResponseError('ErrorCalendarEndDateIsEarlierThanStartDate', 'EndDate is earlier than StartDate');
        if (to - from > TWO_YEARS_MS) {
          throw new EwsResponseError(
            'ErrorCalendarViewRangeTooBig',
            'The time range specified in the calendar view exceeds the allowed maximum.',
          );
        }
        const all = events
          .flatMap((ev) => expandEvent(ev, from, to))
          .sort(compareExpanded)
          .map(viewOfExpanded);
        const max = Math.min(Number(attr(calView, 'MaxEntriesReturned') ?? FIND_COUNT_LIMIT), FIND_COUNT_LIMIT);
        views = all.slice(0, max);
        rootAttrs = `TotalItemsInView="${all.length}" IncludesLastItemInRange="${views.length >= all.length}"`;
      } else {
        const restriction = restrictionOf(call.op);
        const all = sortViews(
          events.map(viewOfEvent).filter((v) => !restriction || evaluate(restriction, itemValue(v))),
          sortOrder,
        );
        const max = Math.min(Number(attr(pageView, 'MaxEntriesReturned') ?? FIND_COUNT_LIMIT), FIND_COUNT_LIMIT);
        const offset = Number(attr(pageView, 'Offset') ?? 0);
        const fromEnd = attr(pageView, 'BasePoint') === 'End';
        const start = fromEnd ? Math.max(0, all.length - offset - max) : Math.min(offset, all.length);
        views = all.slice(start, start + max);
        rootAttrs = `IndexedPagingOffset="${start + views.length}" TotalItemsInView="${all.length}" IncludesLastItemInRange="${start + views.length >= all.length}"`;
      }
      return successMessage(
        'FindItemResponseMessage',
        `<m:RootFolder ${rootAttrs}><t:Items>${views.map((v) => calendarItemXml(call, v, shape, 'find')).join('')}</t:Items></m:RootFolder>`,
      );
    },
    'FindItemResponseMessage',
  );
  return wrapped('FindItem', messages);
}
