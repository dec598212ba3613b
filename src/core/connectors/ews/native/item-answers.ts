// A GetItem answer matched to the ids asked for by ItemId, never by position: a short answer, an answer in another
// order, or an item the answer names but nobody asked for is an error (nothing is taken as deleted); an item that
// is not a calendar item (a MeetingRequest or MeetingResponse left in a calendar folder) is a counted, reported
// skip. Only an ErrorItemNotFound message says an item is gone, and only for as many ids as it answers for.
import { skipSubject, type ItemSkip, type ItemSkipReporter } from '../../connector.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { EwsCallContext } from '../ews-errors.js';
import { messageError } from '../ews-errors.js';
import { child, textOf, type XmlNode } from '../xml/safe-xml.js';
import { calendarItemOf, itemIdOf, type CalendarItemData } from './calendar-item.js';
import { throwIfError } from './soap-call.js';

const GONE = new Set(['ErrorItemNotFound']);

export type SkipReporter = ItemSkipReporter;

/** The skip for an item of another class than CalendarItem (MeetingRequest, MeetingResponse, Message…). */
export function unsupportedItem(ctx: EwsCallContext, itemId: string, item: XmlNode): ItemSkip {
  const itemClass = item.name;
  const subject = skipSubject(textOf(item, 'Subject'), textOf(item, 'Sensitivity'));
  return {
    itemId,
    ...(subject ? { subject } : {}),
    error: new CalpumpError('ews.item.unsupported', {
      params: { itemId, itemClass, mailbox: ctx.mailbox ?? '?', folder: ctx.folder ?? '?' },
      evidence: `${itemClass} ${itemId}`,
    }),
  };
}

function incomplete(ctx: EwsCallContext, asked: number, answered: number, problem: string): CalpumpError {
  return new CalpumpError('ews.response.incomplete', {
    params: { url: ctx.url, mailbox: ctx.mailbox ?? '?', asked: String(asked), answered: String(answered) },
    evidence: `GetItem: ${problem}`,
  });
}

/** The item elements of one Success/Warning message (the children of its Items). */
function itemsOf(msg: XmlNode): XmlNode[] {
  return child(msg, 'Items')?.children ?? [];
}

/**
 * One entry per id in `ids` (same order): the calendar item, or undefined when Exchange says it is gone or it is
 * not a calendar item (reported through `skip`). Throws ews.response.incomplete when the answer does not account
 * for every id, and the mapped error of any other Error message.
 */
export function matchItems(
  ids: readonly string[],
  messages: readonly XmlNode[],
  ctx: EwsCallContext,
  skip: SkipReporter,
): Array<CalendarItemData | undefined> {
  // A real error (access denied, impersonation refused) may come as one message for the whole batch: it wins.
  let gone = 0;
  for (const msg of messages) if (messageError(msg) && throwIfError(msg, ctx, GONE)) gone++;
  if (messages.length !== ids.length)
    throw incomplete(ctx, ids.length, messages.length, `${messages.length} response messages for ${ids.length} ids`);
  const found = new Map<string, CalendarItemData>();
  const other = new Map<string, XmlNode>();
  for (const msg of messages) {
    if (messageError(msg)) continue;
    for (const item of itemsOf(msg)) {
      const id = itemIdOf(item);
      if (!id) throw incomplete(ctx, ids.length, messages.length, `${item.name} missing=ItemId`);
      if (item.name === 'CalendarItem') found.set(id, calendarItemOf(item));
      else other.set(id, item);
    }
  }
  const asked = new Set(ids);
  const stray = [...found.keys(), ...other.keys()].filter((id) => !asked.has(id));
  if (stray.length) throw incomplete(ctx, ids.length, messages.length, `answered ids nobody asked for (${stray.slice(0, 3).join(', ')})`);
  const unanswered = ids.filter((id) => !found.has(id) && !other.has(id));
  // Exchange names no id in an ErrorItemNotFound message: it may only account for as many ids as it answers.
  if (unanswered.length !== gone) throw incomplete(ctx, ids.length, messages.length, `unanswered=${unanswered.length} notFound=${gone}`);
  return ids.map((id) => {
    const node = other.get(id);
    if (node !== undefined) skip(unsupportedItem(ctx, id, node));
    return found.get(id);
  });
}

/** Series masters asked for by occurrence id: their ids are not the ones asked for, so every answered item counts. */
export function masterItems(messages: readonly XmlNode[], ctx: EwsCallContext): CalendarItemData[] {
  const out: CalendarItemData[] = [];
  for (const msg of messages) {
    if (messageError(msg)) {
      throwIfError(msg, ctx, GONE);
      continue;
    }
    for (const item of itemsOf(msg)) if (item.name === 'CalendarItem') out.push(calendarItemOf(item));
  }
  return out;
}
