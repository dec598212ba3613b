// <t:CalendarItem> content for CreateItem and the SetItemField list for UpdateItem, in schema order, with
// Calpump's tags as ExtendedProperty in its own property set. No attendees are ever written: an import or a
// mirrored copy is an appointment, and invitations are never sent (SendToNone on every request).
import type { Sensitivity, ShowAs } from '../../../../shared/model.js';
import { ianaToWindows } from '../../../../shared/time-zones.js';
import { addDaysToDate, localMidnightIso } from '../../zoned-time.js';
import {
  CALPUMP_PROPERTY_SET_ID,
  TAG_NAMES,
  tagValues,
  type Appointment,
  type AppointmentField,
  type TagName,
  type WriteRequest,
} from '../../writer.js';
import { escapeXml } from '../xml/safe-xml.js';

export const FREE_BUSY: Record<ShowAs, string> = {
  free: 'Free',
  tentative: 'Tentative',
  busy: 'Busy',
  oof: 'OOF',
  workingElsewhere: 'WorkingElsewhere',
  unknown: 'NoData',
};
export const SENSITIVITY: Record<Sensitivity, string> = {
  normal: 'Normal',
  personal: 'Personal',
  private: 'Private',
  confidential: 'Confidential',
};

export function tagFieldUri(name: TagName): string {
  return `<t:ExtendedFieldURI PropertySetId="${CALPUMP_PROPERTY_SET_ID}" PropertyName="${TAG_NAMES[name]}" PropertyType="String"/>`;
}

const ewsTime = (iso: string) => new Date(iso).toISOString().replace(/\.000Z$/, 'Z');

/** Start/End as Exchange wants them: all-day items run from local midnight to local midnight of their zone. */
export function ewsTimes(a: Appointment): { start: string; end: string } {
  if (!a.isAllDay) return { start: ewsTime(a.start), end: ewsTime(a.end) };
  const first = a.start.slice(0, 10);
  let last = a.end.slice(0, 10);
  if (last <= first) last = addDaysToDate(first, 1);
  return { start: ewsTime(localMidnightIso(a.timeZone, first)), end: ewsTime(localMidnightIso(a.timeZone, last)) };
}

const el = (name: string, value: string) => `<t:${name}>${escapeXml(value)}</t:${name}>`;

interface Part {
  /** FieldURI for SetItemField/DeleteItemField; undefined for extended properties. */
  uri?: string;
  /** The appointment field the part writes (WriteRequest.fields); time zones go with isAllDay. */
  field?: AppointmentField;
  tag?: TagName;
  /** Element(s) inside <t:CalendarItem>; empty = delete the field on update. */
  xml: string;
}

function parts(req: WriteRequest): Part[] {
  const a = req.appointment;
  const times = ewsTimes(a);
  const zone = ianaToWindows(a.timeZone);
  const reminder = a.reminderMinutes !== undefined;
  const out: Part[] = [
    { uri: 'item:Subject', field: 'subject', xml: el('Subject', a.subject) },
    { uri: 'item:Sensitivity', field: 'sensitivity', xml: el('Sensitivity', SENSITIVITY[a.sensitivity]) },
  ];
  if (a.body !== undefined) out.push({ uri: 'item:Body', field: 'body', xml: `<t:Body BodyType="Text">${escapeXml(a.body)}</t:Body>` });
  out.push({
    uri: 'item:Categories',
    field: 'categories',
    xml: a.categories.length ? `<t:Categories>${a.categories.map((c) => el('String', c)).join('')}</t:Categories>` : '',
  });
  out.push({ uri: 'item:ReminderIsSet', field: 'reminder', xml: el('ReminderIsSet', String(reminder)) });
  if (reminder)
    out.push({
      uri: 'item:ReminderMinutesBeforeStart',
      field: 'reminder',
      xml: el('ReminderMinutesBeforeStart', String(a.reminderMinutes)),
    });
  for (const [name, value] of tagValues(req)) {
    out.push({ tag: name, xml: `<t:ExtendedProperty>${tagFieldUri(name)}${el('Value', value)}</t:ExtendedProperty>` });
  }
  out.push(
    { uri: 'calendar:Start', field: 'start', xml: el('Start', times.start) },
    { uri: 'calendar:End', field: 'end', xml: el('End', times.end) },
    { uri: 'calendar:IsAllDayEvent', field: 'isAllDay', xml: el('IsAllDayEvent', String(a.isAllDay)) },
    { uri: 'calendar:LegacyFreeBusyStatus', field: 'showAs', xml: el('LegacyFreeBusyStatus', FREE_BUSY[a.showAs]) },
    { uri: 'calendar:Location', field: 'location', xml: a.location ? el('Location', a.location) : '' },
  );
  // Exchange 2010+ zone by id only; it places all-day items on the zone's local dates.
  out.push(
    { uri: 'calendar:StartTimeZone', field: 'isAllDay', xml: `<t:StartTimeZone Id="${escapeXml(zone)}"/>` },
    { uri: 'calendar:EndTimeZone', field: 'isAllDay', xml: `<t:EndTimeZone Id="${escapeXml(zone)}"/>` },
  );
  if (req.fields) return out.filter((p) => p.tag || (p.field && req.fields!.includes(p.field)));
  return out;
}

export function createItemXml(req: WriteRequest): string {
  return `<t:CalendarItem>${parts(req)
    .map((p) => p.xml)
    .join('')}</t:CalendarItem>`;
}

/** SetItemField for every field (DeleteItemField for an emptied one), so an update makes the item equal the request. */
export function updateFieldsXml(req: WriteRequest): string {
  return parts(req)
    .map((p) => {
      const uri = p.tag ? tagFieldUri(p.tag) : `<t:FieldURI FieldURI="${p.uri}"/>`;
      if (!p.xml) return `<t:DeleteItemField>${uri}</t:DeleteItemField>`;
      return `<t:SetItemField>${uri}<t:CalendarItem>${p.xml}</t:CalendarItem></t:SetItemField>`;
    })
    .join('');
}
