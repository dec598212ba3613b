// The patterns of series masters by id (GetItem, calendar:Recurrence): what the Browse preview's detail pane states
// for an occurrence ("every 2 weeks on Monday, until …"). A CalendarView returns occurrences only, and Exchange
// gives the pattern on the master alone. A master deleted meanwhile (ErrorItemNotFound) has no pattern; any other
// error message is thrown.
import type { Recurrence } from '../../../../shared/model.js';
import { messageError } from '../ews-errors.js';
import { itemIdOf } from '../native/calendar-item.js';
import { readRecurrence } from '../native/recurrence.js';
import { postNative, throwIfError } from '../native/soap-call.js';
import type { EwsSession } from '../session.js';
import { child } from '../xml/safe-xml.js';
import { GET_ITEM_BATCH, getItemBody } from './get-calendar-items.js';

const GONE = new Set(['ErrorItemNotFound']);

export async function getSeriesRecurrence(s: EwsSession, mailbox: string, masterIds: readonly string[]): Promise<Map<string, Recurrence>> {
  const out = new Map<string, Recurrence>();
  const ids = [...new Set(masterIds)];
  for (let i = 0; i < ids.length; i += GET_ITEM_BATCH) {
    const { messages, ctx } = await postNative(
      s,
      mailbox,
      undefined,
      getItemBody(ids.slice(i, i + GET_ITEM_BATCH), { fields: ['calendar:Recurrence'] }),
    );
    for (const msg of messages) {
      if (messageError(msg)) {
        throwIfError(msg, ctx, GONE);
        continue;
      }
      for (const item of child(msg, 'Items')?.children ?? []) {
        const id = itemIdOf(item);
        const r = readRecurrence(child(item, 'Recurrence'));
        if (id && r) out.set(id, r);
      }
    }
  }
  return out;
}
