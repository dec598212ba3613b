// GetItem in batches, built and read natively: the attendee lists, SMTP organizer and body that FindItem cannot
// return; full items for sync changes; and the series masters (RecurringMasterItemId) that give occurrences
// their seriesId. An item deleted between FindItem and GetItem (ErrorItemNotFound) is simply absent.
import type { NormalisedEvent } from '../../../../shared/model.js';
import { calendarItemsOf, type CalendarItemData } from '../native/calendar-item.js';
import { eventFromItem } from '../native/event-from-item.js';
import { fieldUris, postNative, throwIfError } from '../native/soap-call.js';
import type { EwsSession } from '../session.js';
import { child, escapeXml } from '../xml/safe-xml.js';
import { findFields } from './find-calendar-view.js';

export const GET_ITEM_BATCH = 50;

const GONE = new Set(['ErrorItemNotFound']);
const PEOPLE_FIELDS = ['calendar:Organizer', 'calendar:RequiredAttendees', 'calendar:OptionalAttendees', 'calendar:Resources'];

export interface DetailRequest {
  fields: string[];
  bodyText?: boolean;
  /** ids are occurrence ids whose series masters are wanted. */
  masters?: boolean;
}

export function getItemBody(ids: string[], r: DetailRequest): string {
  const shape = `<m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>${r.bodyText ? '<t:BodyType>Text</t:BodyType>' : ''}${fieldUris(r.fields)}</m:ItemShape>`;
  const idXml = ids
    .map((id) => (r.masters ? `<t:RecurringMasterItemId OccurrenceId="${escapeXml(id)}"/>` : `<t:ItemId Id="${escapeXml(id)}"/>`))
    .join('');
  return `<m:GetItem>${shape}<m:ItemIds>${idXml}</m:ItemIds></m:GetItem>`;
}

/** One entry per requested id, in order; undefined where the item no longer exists. */
export async function getItemData(
  s: EwsSession,
  mailbox: string,
  ids: string[],
  r: DetailRequest,
): Promise<Array<CalendarItemData | undefined>> {
  const out: Array<CalendarItemData | undefined> = [];
  for (let i = 0; i < ids.length; i += GET_ITEM_BATCH) {
    const batch = ids.slice(i, i + GET_ITEM_BATCH);
    const { messages, ctx } = await postNative(s, mailbox, undefined, getItemBody(batch, r));
    for (let j = 0; j < batch.length; j++) {
      const msg = messages[j];
      if (!msg || throwIfError(msg, ctx, GONE)) {
        out.push(undefined);
        continue;
      }
      out.push(calendarItemsOf(child(msg, 'Items'))[0]);
    }
  }
  return out;
}

/** Fields to add to FindItem's page: attendees and the SMTP organizer, and/or the body. */
export function detailRequest(o: { includeAttendees: boolean; includeBody?: boolean }): DetailRequest {
  return {
    fields: [...(o.includeAttendees ? PEOPLE_FIELDS : ['calendar:Organizer']), ...(o.includeBody ? ['item:Body'] : [])],
    bodyText: o.includeBody,
  };
}

/** Fills cache (UID → series master id) for the occurrences and exceptions among items whose series is new. */
export async function fillSeriesMasters(
  s: EwsSession,
  mailbox: string,
  items: CalendarItemData[],
  cache: Map<string, string>,
): Promise<void> {
  const need = new Map<string, string>();
  for (const d of items) {
    if (d.uid && (d.type === 'Occurrence' || d.type === 'Exception') && !cache.has(d.uid) && !need.has(d.uid)) need.set(d.uid, d.id);
  }
  if (!need.size) return;
  const masters = await getItemData(s, mailbox, [...need.values()], { fields: ['calendar:UID'], masters: true });
  for (const m of masters) if (m?.uid && m.id) cache.set(m.uid, m.id);
}

export interface GetCalendarItemsOptions {
  includeBody?: boolean;
  /** UID → series master id, shared across pages of one read so each series is looked up once. */
  masterCache?: Map<string, string>;
}

/** Full normalised events for ids (sync changes): one GetItem pass with every property, SMTP organizers. */
export async function getCalendarItems(
  s: EwsSession,
  mailbox: string,
  ids: string[],
  opts: GetCalendarItemsOptions = {},
): Promise<NormalisedEvent[]> {
  const fields = [...findFields(s.version), ...PEOPLE_FIELDS.slice(1), ...(opts.includeBody ? ['item:Body'] : [])];
  const items = (await getItemData(s, mailbox, ids, { fields, bodyText: opts.includeBody })).filter(
    (d): d is CalendarItemData => !!d?.id && !!d.start && !!d.end,
  );
  const cache = opts.masterCache ?? new Map<string, string>();
  await fillSeriesMasters(s, mailbox, items, cache);
  return items.map((d) => eventFromItem(d, { fallbackZone: s.fallbackZone, seriesIdByUid: cache, includeBody: opts.includeBody }));
}
