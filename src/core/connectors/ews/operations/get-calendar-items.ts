// GetItem in batches, built and read natively: the attendee lists, SMTP organizer and body that FindItem cannot
// return; full items for sync changes; and the series masters (RecurringMasterItemId) that give occurrences
// their seriesId. Answers are matched to the ids by ItemId (native/item-answers.ts): an item deleted between
// FindItem and GetItem (ErrorItemNotFound) is absent, an item of another class is a reported skip, and an answer
// that does not account for every id is an error — never a silent deletion.
import type { NormalisedEvent } from '../../../../shared/model.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { skipSubject } from '../../connector.js';
import type { CalendarItemData } from '../native/calendar-item.js';
import { CALENDAR_ITEMS } from '../native/calendar-item-reader.js';
import { eventFromItem } from '../native/event-from-item.js';
import { masterItems, matchItems, type SkipReporter } from '../native/item-answers.js';
import { fieldUris, postNative } from '../native/soap-call.js';
import type { EwsSession } from '../session.js';
import { escapeXml } from '../xml/safe-xml.js';
import { findFields } from './calendar-fields.js';

export const GET_ITEM_BATCH = 50;
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

/** What a read does with an item it leaves out (logged as a warning when nobody else listens). */
export function skipReporter(s: EwsSession, onSkip?: SkipReporter): SkipReporter {
  return (skip) => {
    s.logger.warn('ews.item.skipped', { itemId: skip.itemId, errorId: skip.error.id, evidence: skip.error.evidence });
    onSkip?.(skip);
  };
}

/**
 * One entry per requested id, in order; undefined where the item no longer exists or is not a calendar item
 * (reported through `skip`). Throws when an answer does not account for every id.
 */
export async function getItemData(
  s: EwsSession,
  mailbox: string,
  ids: string[],
  r: DetailRequest,
  skip: SkipReporter = skipReporter(s),
): Promise<Array<CalendarItemData | undefined>> {
  const out: Array<CalendarItemData | undefined> = [];
  for (let i = 0; i < ids.length; i += GET_ITEM_BATCH) {
    const batch = ids.slice(i, i + GET_ITEM_BATCH);
    const { messages, ctx } = await postNative(s, mailbox, undefined, getItemBody(batch, r), CALENDAR_ITEMS);
    out.push(...matchItems(batch, messages, ctx, skip));
  }
  return out;
}

/** Fields to add to FindItem's page: attendees and the SMTP organizer (unless organizer is false), and/or the body. */
export function detailRequest(o: { includeAttendees: boolean; includeBody?: boolean; organizer?: boolean }): DetailRequest {
  const people = o.includeAttendees ? PEOPLE_FIELDS : ['calendar:Organizer'];
  return {
    fields: [...(o.organizer === false ? people.slice(1) : people), ...(o.includeBody ? ['item:Body'] : [])],
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
  const ids = [...need.values()];
  for (let i = 0; i < ids.length; i += GET_ITEM_BATCH) {
    const batch = ids.slice(i, i + GET_ITEM_BATCH);
    const { messages, ctx } = await postNative(
      s,
      mailbox,
      undefined,
      getItemBody(batch, { fields: ['calendar:UID'], masters: true }),
      CALENDAR_ITEMS,
    );
    // Matched by UID, not by position: a master missing from the answer only leaves its occurrences without seriesId.
    for (const m of masterItems(messages, ctx)) if (m.uid && m.id) cache.set(m.uid, m.id);
  }
}

export interface GetCalendarItemsOptions {
  includeBody?: boolean;
  /** UID → series master id, shared across pages of one read so each series is looked up once. */
  masterCache?: Map<string, string>;
  /** Told about each item left out on purpose (not a calendar item, or missing its times). */
  onItemSkipped?: SkipReporter;
}

/** Full normalised events for ids (sync changes): one GetItem pass with every property, SMTP organizers. */
export async function getCalendarItems(
  s: EwsSession,
  mailbox: string,
  ids: string[],
  opts: GetCalendarItemsOptions = {},
): Promise<NormalisedEvent[]> {
  const fields = [...findFields(s.version), ...PEOPLE_FIELDS.slice(1), ...(opts.includeBody ? ['item:Body'] : [])];
  const skip = skipReporter(s, opts.onItemSkipped);
  const items = (await getItemData(s, mailbox, ids, { fields, bodyText: opts.includeBody }, skip)).filter(
    (d): d is CalendarItemData => !!d && withTimes(s, mailbox, d, skip),
  );
  const cache = opts.masterCache ?? new Map<string, string>();
  await fillSeriesMasters(s, mailbox, items, cache);
  return items.map((d) => eventFromItem(d, { fallbackZone: s.fallbackZone, seriesIdByUid: cache, includeBody: opts.includeBody }));
}

/** A calendar item without Start or End cannot be placed: a reported skip, not a crash and not a silent loss. */
export function withTimes(s: EwsSession, mailbox: string, d: CalendarItemData, skip: SkipReporter): boolean {
  if (d.start && d.end) return true;
  const subject = skipSubject(d.subject, d.sensitivity);
  skip({
    itemId: d.id,
    ...(subject ? { subject } : {}),
    error: new CalpumpError('ews.item.incomplete', {
      params: { itemId: d.id, field: d.start ? 'End' : 'Start', mailbox },
      evidence: `CalendarItem ${d.id} without ${d.start ? 'End' : 'Start'}`,
    }),
  });
  return false;
}
