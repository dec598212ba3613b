// GetItem in batches for the properties FindItem cannot return reliably (OriginalStart, UID, time zone,
// attendees, body), and the series masters (RecurringMasterItemId) that give occurrences their seriesId.
import * as ews from 'ews-javascript-api';
import type { NormalisedEvent } from '../../../../shared/model.js';
import { errorForResponseCode } from '../ews-errors.js';
import { libraryCall, prop } from '../library-call.js';
import { normaliseAppointment } from '../normalise-appointment.js';
import { callContext, type EwsSession } from '../session.js';

export const GET_ITEM_BATCH = 50;

const DETAIL_PROPERTIES = [
  ews.ItemSchema.Subject,
  ews.ItemSchema.Sensitivity,
  ews.ItemSchema.Categories,
  ews.ItemSchema.LastModifiedTime,
  ews.AppointmentSchema.Start,
  ews.AppointmentSchema.End,
  ews.AppointmentSchema.OriginalStart,
  ews.AppointmentSchema.IsAllDayEvent,
  ews.AppointmentSchema.LegacyFreeBusyStatus,
  ews.AppointmentSchema.Location,
  ews.AppointmentSchema.IsCancelled,
  ews.AppointmentSchema.AppointmentType,
  ews.AppointmentSchema.Organizer,
  ews.AppointmentSchema.RequiredAttendees,
  ews.AppointmentSchema.OptionalAttendees,
  ews.AppointmentSchema.Resources,
  ews.AppointmentSchema.StartTimeZone,
  ews.AppointmentSchema.ICalUid,
];

async function bind(s: EwsSession, mailbox: string, ids: ews.ItemId[], props: ews.PropertyDefinitionBase[]): Promise<ews.Appointment[]> {
  const ctx = callContext(s, mailbox);
  return libraryCall(ctx, async (svc) => {
    const set = new ews.PropertySet(ews.BasePropertySet.IdOnly, props);
    if (props.includes(ews.ItemSchema.Body)) set.RequestedBodyType = ews.BodyType.Text;
    const res = await svc.BindToItems(ids, set);
    const out: ews.Appointment[] = [];
    for (const r of res.Responses) {
      if (r.Result === ews.ServiceResult.Error) {
        const code = ews.ServiceError[r.ErrorCode];
        // Deleted between FindItem and GetItem: nothing to export.
        if (code === 'ErrorItemNotFound') continue;
        throw errorForResponseCode(code, r.ErrorMessage ?? code, { ...ctx, url: s.url, username: s.username });
      }
      if (r.Item) out.push(r.Item as ews.Appointment);
    }
    return out;
  });
}

/** Series master id per UID, for occurrences and exceptions (one batched GetItem per 50 series). */
export async function seriesMasters(s: EwsSession, mailbox: string, occurrenceIds: Map<string, string>): Promise<Map<string, string>> {
  const byUid = new Map<string, string>();
  const entries = [...occurrenceIds.entries()];
  for (let i = 0; i < entries.length; i += GET_ITEM_BATCH) {
    const batch = entries.slice(i, i + GET_ITEM_BATCH);
    const masters = await bind(s, mailbox, batch.map(([, occ]) => new ews.RecurringAppointmentMasterId(occ)), [ews.AppointmentSchema.ICalUid]);
    for (const m of masters) {
      const uid = prop(() => m.ICalUid);
      if (uid) byUid.set(uid, m.Id.UniqueId);
    }
  }
  return byUid;
}

export interface GetCalendarItemsOptions {
  includeBody?: boolean;
  /** UID → series master id, shared across pages of one read so each series is looked up once. */
  masterCache?: Map<string, string>;
}

export async function getCalendarItems(s: EwsSession, mailbox: string, ids: string[], opts: GetCalendarItemsOptions = {}): Promise<NormalisedEvent[]> {
  const props = opts.includeBody ? [...DETAIL_PROPERTIES, ews.ItemSchema.Body] : DETAIL_PROPERTIES;
  const cache = opts.masterCache ?? new Map<string, string>();
  const items: ews.Appointment[] = [];
  for (let i = 0; i < ids.length; i += GET_ITEM_BATCH) {
    items.push(...(await bind(s, mailbox, ids.slice(i, i + GET_ITEM_BATCH).map((id) => new ews.ItemId(id)), props)));
  }
  const needMaster = new Map<string, string>();
  for (const a of items) {
    const t = prop(() => a.AppointmentType);
    const uid = prop(() => a.ICalUid);
    if (uid && (t === ews.AppointmentType.Occurrence || t === ews.AppointmentType.Exception) && !cache.has(uid) && !needMaster.has(uid)) needMaster.set(uid, a.Id.UniqueId);
  }
  if (needMaster.size) for (const [uid, id] of await seriesMasters(s, mailbox, needMaster)) cache.set(uid, id);
  return items.map((a) => normaliseAppointment(a, { fallbackZone: s.fallbackZone, seriesIdByUid: cache, includeBody: opts.includeBody }));
}
