// <t:CalendarItem> in schema order. FindItem refuses some properties (body, attendee lists, recurrence
// blobs) and returns internal organizers as legacy DNs (EX); GetItem returns SMTP. Clients must live with that.
import type { SimAttendee, SimPerson } from '../world/types.js';
import { esc } from '../xml/escape.js';
import type { EwsCall } from './call.js';
import { folderLevel, levelAtLeast } from './call.js';
import type { ItemView } from './item-view.js';
import { deletedOccurrencesXml, firstLastXml, modifiedOccurrencesXml, recurrenceXml } from './recurrence-xml.js';
import type { Shape } from './shape.js';
import { extendedFieldXml } from './shape.js';
import { FREE_BUSY, SENSITIVITY, ewsDate, isoDuration } from './values.js';
import { windowsZone } from './time-zone-names.js';
import { timeZoneDefinitionXml } from './time-zone-definitions.js';
import { EwsResponseError } from './soap.js';

export type ItemMode = 'find' | 'get';

interface Ctx {
  call: EwsCall;
  mode: ItemMode;
}

interface Field {
  uri: string;
  /** Allowed in FindItem (else ErrorInvalidPropertyRequest when asked for explicitly). */
  find: boolean;
  dflt: boolean;
  all: boolean;
  render(v: ItemView, c: Ctx): string;
}

const b = (x: boolean) => (x ? 'true' : 'false');

/**
 * FindItem gives internal organizers as their legacy Exchange DN with routing type EX (clients must resolve
 * it, or use GetItem, which returns SMTP); external people keep their SMTP address.
 */
function findOrganizerXml(p: SimPerson, c: Ctx): string {
  const mb = c.call.world.mailboxes.get(p.email.toLowerCase());
  if (!mb) return mailboxXml(p, true);
  return `<t:Mailbox><t:Name>${esc(p.name)}</t:Name><t:EmailAddress>${esc(mb.legacyDn.toUpperCase())}</t:EmailAddress><t:RoutingType>EX</t:RoutingType></t:Mailbox>`;
}

function mailboxXml(p: SimPerson, full: boolean): string {
  if (!full) return `<t:Mailbox><t:Name>${esc(p.name)}</t:Name></t:Mailbox>`;
  return `<t:Mailbox><t:Name>${esc(p.name)}</t:Name><t:EmailAddress>${esc(p.email)}</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox>`;
}

function attendeesXml(tag: string, list: SimAttendee[]): string {
  if (!list.length) return '';
  return `<t:${tag}>${list
    .map((a) => `<t:Attendee>${mailboxXml(a, true)}<t:ResponseType>${a.response}</t:ResponseType></t:Attendee>`)
    .join('')}</t:${tag}>`;
}

/** GetItem returns the full definition (periods and transitions); FindItem only Id and Name. */
function zoneXml(tag: 'StartTimeZone' | 'EndTimeZone', v: ItemView, c: Ctx): string {
  if (c.mode === 'get') return timeZoneDefinitionXml(tag, v.ev.timeZone);
  const z = windowsZone(v.ev.timeZone);
  return `<t:${tag} Id="${esc(z.id)}" Name="${esc(z.name)}"/>`;
}

const FIELDS: Field[] = [
  {
    uri: 'item:ParentFolderId',
    find: true,
    dflt: false,
    all: true,
    render: (v, c) => {
      const f = c.call.world.folders.get(v.ev.folderId)!;
      return `<t:ParentFolderId Id="${esc(f.id)}" ChangeKey="${esc(f.changeKey)}"/>`;
    },
  },
  { uri: 'item:ItemClass', find: true, dflt: false, all: true, render: () => '<t:ItemClass>IPM.Appointment</t:ItemClass>' },
  { uri: 'item:Subject', find: true, dflt: true, all: true, render: (v) => `<t:Subject>${esc(v.subject)}</t:Subject>` },
  {
    uri: 'item:Sensitivity',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:Sensitivity>${SENSITIVITY[v.ev.sensitivity]}</t:Sensitivity>`,
  },
  { uri: 'item:Body', find: false, dflt: false, all: true, render: (v) => `<t:Body BodyType="Text">${esc(v.ev.body)}</t:Body>` },
  {
    uri: 'item:DateTimeReceived',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:DateTimeReceived>${ewsDate(v.ev.created)}</t:DateTimeReceived>`,
  },
  {
    uri: 'item:Size',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:Size>${2048 + v.ev.body.length * 2 + v.subject.length * 2}</t:Size>`,
  },
  {
    uri: 'item:Categories',
    find: true,
    dflt: false,
    all: true,
    render: (v) =>
      v.ev.categories.length ? `<t:Categories>${v.ev.categories.map((c) => `<t:String>${esc(c)}</t:String>`).join('')}</t:Categories>` : '',
  },
  { uri: 'item:Importance', find: true, dflt: false, all: true, render: (v) => `<t:Importance>${v.ev.importance}</t:Importance>` },
  { uri: 'item:IsSubmitted', find: true, dflt: false, all: true, render: () => '<t:IsSubmitted>false</t:IsSubmitted>' },
  { uri: 'item:IsDraft', find: true, dflt: false, all: true, render: () => '<t:IsDraft>false</t:IsDraft>' },
  { uri: 'item:IsFromMe', find: true, dflt: false, all: true, render: () => '<t:IsFromMe>false</t:IsFromMe>' },
  { uri: 'item:IsResend', find: true, dflt: false, all: true, render: () => '<t:IsResend>false</t:IsResend>' },
  {
    uri: 'item:IsUnmodified',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:IsUnmodified>${b(v.kind !== 'Exception')}</t:IsUnmodified>`,
  },
  {
    uri: 'item:DateTimeSent',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:DateTimeSent>${ewsDate(v.ev.created)}</t:DateTimeSent>`,
  },
  {
    uri: 'item:DateTimeCreated',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:DateTimeCreated>${ewsDate(v.ev.created)}</t:DateTimeCreated>`,
  },
  {
    uri: 'item:ReminderDueBy',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:ReminderDueBy>${ewsDate(v.start)}</t:ReminderDueBy>`,
  },
  {
    uri: 'item:ReminderIsSet',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:ReminderIsSet>${b(v.ev.reminderMinutes > 0 && !v.ev.isAllDay)}</t:ReminderIsSet>`,
  },
  {
    uri: 'item:ReminderMinutesBeforeStart',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:ReminderMinutesBeforeStart>${v.ev.reminderMinutes}</t:ReminderMinutesBeforeStart>`,
  },
  {
    uri: 'item:DisplayCc',
    find: true,
    dflt: false,
    all: true,
    render: (v) =>
      `<t:DisplayCc>${esc(
        v.ev.attendees
          .filter((a) => a.role === 'optional')
          .map((a) => a.name)
          .join('; '),
      )}</t:DisplayCc>`,
  },
  {
    uri: 'item:DisplayTo',
    find: true,
    dflt: false,
    all: true,
    render: (v) =>
      `<t:DisplayTo>${esc(
        v.ev.attendees
          .filter((a) => a.role === 'required' && a.response !== 'Organizer')
          .map((a) => a.name)
          .join('; '),
      )}</t:DisplayTo>`,
  },
  { uri: 'item:HasAttachments', find: true, dflt: true, all: true, render: () => '<t:HasAttachments>false</t:HasAttachments>' },
  { uri: '#extended', find: true, dflt: false, all: false, render: () => '' },
  {
    uri: 'item:Culture',
    find: true,
    dflt: false,
    all: true,
    render: (_v, c) => {
      const mb = c.call.world.mailboxes.get(_v.ev.mailbox);
      return `<t:Culture>${{ en: 'en-US', de: 'de-DE', nl: 'nl-NL' }[mb?.language ?? 'en']}</t:Culture>`;
    },
  },
  {
    uri: 'item:EffectiveRights',
    find: true,
    dflt: false,
    all: true,
    render: (v, c) => {
      const lvl = folderLevel(c.call, c.call.world.folders.get(v.ev.folderId)!);
      const w = levelAtLeast(lvl, 'Editor');
      return `<t:EffectiveRights><t:CreateAssociated>false</t:CreateAssociated><t:CreateContents>false</t:CreateContents><t:CreateHierarchy>false</t:CreateHierarchy><t:Delete>${b(w)}</t:Delete><t:Modify>${b(w)}</t:Modify><t:Read>true</t:Read><t:ViewPrivateItems>${b(lvl === 'Owner')}</t:ViewPrivateItems></t:EffectiveRights>`;
    },
  },
  {
    uri: 'item:LastModifiedName',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:LastModifiedName>${esc(v.ev.organizer.name)}</t:LastModifiedName>`,
  },
  {
    uri: 'item:LastModifiedTime',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:LastModifiedTime>${ewsDate(v.lastModified)}</t:LastModifiedTime>`,
  },
  { uri: 'item:IsAssociated', find: true, dflt: true, all: true, render: () => '<t:IsAssociated>false</t:IsAssociated>' },
  { uri: 'calendar:UID', find: true, dflt: false, all: true, render: (v) => `<t:UID>${esc(v.ev.iCalUId)}</t:UID>` },
  {
    uri: 'calendar:RecurrenceId',
    find: true,
    dflt: false,
    all: true,
    render: (v) => (v.originalStart ? `<t:RecurrenceId>${ewsDate(v.originalStart)}</t:RecurrenceId>` : ''),
  },
  {
    uri: 'calendar:DateTimeStamp',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:DateTimeStamp>${ewsDate(v.lastModified)}</t:DateTimeStamp>`,
  },
  { uri: 'calendar:Start', find: true, dflt: true, all: true, render: (v) => `<t:Start>${ewsDate(v.start)}</t:Start>` },
  { uri: 'calendar:End', find: true, dflt: true, all: true, render: (v) => `<t:End>${ewsDate(v.end)}</t:End>` },
  {
    uri: 'calendar:OriginalStart',
    find: true,
    dflt: false,
    all: true,
    render: (v) => (v.originalStart ? `<t:OriginalStart>${ewsDate(v.originalStart)}</t:OriginalStart>` : ''),
  },
  {
    uri: 'calendar:IsAllDayEvent',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:IsAllDayEvent>${b(v.ev.isAllDay)}</t:IsAllDayEvent>`,
  },
  {
    uri: 'calendar:LegacyFreeBusyStatus',
    find: true,
    dflt: true,
    all: true,
    render: (v) => `<t:LegacyFreeBusyStatus>${FREE_BUSY[v.showAs]}</t:LegacyFreeBusyStatus>`,
  },
  {
    uri: 'calendar:Location',
    find: true,
    dflt: true,
    all: true,
    render: (v) => (v.location ? `<t:Location>${esc(v.location)}</t:Location>` : '<t:Location/>'),
  },
  { uri: 'calendar:IsMeeting', find: true, dflt: false, all: true, render: (v) => `<t:IsMeeting>${b(v.ev.isMeeting)}</t:IsMeeting>` },
  { uri: 'calendar:IsCancelled', find: true, dflt: false, all: true, render: (v) => `<t:IsCancelled>${b(v.isCancelled)}</t:IsCancelled>` },
  {
    uri: 'calendar:IsRecurring',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:IsRecurring>${b(v.kind === 'Occurrence' || v.kind === 'Exception')}</t:IsRecurring>`,
  },
  {
    uri: 'calendar:MeetingRequestWasSent',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:MeetingRequestWasSent>${b(v.ev.isMeeting)}</t:MeetingRequestWasSent>`,
  },
  {
    uri: 'calendar:IsResponseRequested',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:IsResponseRequested>${b(v.ev.isMeeting)}</t:IsResponseRequested>`,
  },
  {
    uri: 'calendar:CalendarItemType',
    find: true,
    dflt: true,
    all: true,
    render: (v) => `<t:CalendarItemType>${v.kind}</t:CalendarItemType>`,
  },
  {
    uri: 'calendar:MyResponseType',
    find: true,
    dflt: false,
    all: true,
    render: (v) => {
      const me = v.ev.attendees.find((a) => a.email === v.ev.mailbox);
      const r = v.ev.organizer.email === v.ev.mailbox ? 'Organizer' : (me?.response ?? 'Unknown');
      return `<t:MyResponseType>${r}</t:MyResponseType>`;
    },
  },
  {
    uri: 'calendar:Organizer',
    find: true,
    dflt: true,
    all: true,
    render: (v, c) =>
      `<t:Organizer>${c.mode === 'get' ? mailboxXml(v.ev.organizer, true) : findOrganizerXml(v.ev.organizer, c)}</t:Organizer>`,
  },
  {
    uri: 'calendar:RequiredAttendees',
    find: false,
    dflt: true,
    all: true,
    render: (v) =>
      attendeesXml(
        'RequiredAttendees',
        v.ev.attendees.filter((a) => a.role === 'required'),
      ),
  },
  {
    uri: 'calendar:OptionalAttendees',
    find: false,
    dflt: true,
    all: true,
    render: (v) =>
      attendeesXml(
        'OptionalAttendees',
        v.ev.attendees.filter((a) => a.role === 'optional'),
      ),
  },
  {
    uri: 'calendar:Resources',
    find: false,
    dflt: true,
    all: true,
    render: (v) =>
      attendeesXml(
        'Resources',
        v.ev.attendees.filter((a) => a.role === 'resource'),
      ),
  },
  {
    uri: 'calendar:ConflictingMeetingCount',
    find: false,
    dflt: false,
    all: true,
    render: () => '<t:ConflictingMeetingCount>0</t:ConflictingMeetingCount>',
  },
  {
    uri: 'calendar:AdjacentMeetingCount',
    find: false,
    dflt: false,
    all: true,
    render: () => '<t:AdjacentMeetingCount>0</t:AdjacentMeetingCount>',
  },
  {
    uri: 'calendar:Duration',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:Duration>${isoDuration(Date.parse(v.end) - Date.parse(v.start))}</t:Duration>`,
  },
  {
    uri: 'calendar:TimeZone',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:TimeZone>${esc(windowsZone(v.ev.timeZone).name)}</t:TimeZone>`,
  },
  {
    uri: 'calendar:AppointmentSequenceNumber',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:AppointmentSequenceNumber>${v.ev.appointmentSequence}</t:AppointmentSequenceNumber>`,
  },
  {
    uri: 'calendar:AppointmentState',
    find: true,
    dflt: false,
    all: true,
    render: (v) =>
      `<t:AppointmentState>${(v.ev.isMeeting ? 1 : 0) | (v.ev.organizer.email !== v.ev.mailbox ? 2 : 0) | (v.isCancelled ? 4 : 0)}</t:AppointmentState>`,
  },
  {
    uri: 'calendar:Recurrence',
    find: false,
    dflt: false,
    all: true,
    render: (v) => (v.kind === 'RecurringMaster' ? recurrenceXml(v.ev) : ''),
  },
  {
    uri: 'calendar:FirstOccurrence',
    find: false,
    dflt: false,
    all: true,
    render: (v) => (v.kind === 'RecurringMaster' ? firstLastXml(v.ev, 'FirstOccurrence') : ''),
  },
  {
    uri: 'calendar:LastOccurrence',
    find: false,
    dflt: false,
    all: true,
    render: (v) => (v.kind === 'RecurringMaster' ? firstLastXml(v.ev, 'LastOccurrence') : ''),
  },
  {
    uri: 'calendar:ModifiedOccurrences',
    find: false,
    dflt: false,
    all: true,
    render: (v) => (v.kind === 'RecurringMaster' ? modifiedOccurrencesXml(v.ev) : ''),
  },
  {
    uri: 'calendar:DeletedOccurrences',
    find: false,
    dflt: false,
    all: true,
    render: (v) => (v.kind === 'RecurringMaster' ? deletedOccurrencesXml(v.ev) : ''),
  },
  { uri: 'calendar:StartTimeZone', find: true, dflt: false, all: true, render: (v, c) => zoneXml('StartTimeZone', v, c) },
  { uri: 'calendar:EndTimeZone', find: true, dflt: false, all: true, render: (v, c) => zoneXml('EndTimeZone', v, c) },
  { uri: 'calendar:ConferenceType', find: true, dflt: false, all: true, render: () => '<t:ConferenceType>0</t:ConferenceType>' },
  {
    uri: 'calendar:AllowNewTimeProposal',
    find: true,
    dflt: false,
    all: true,
    render: () => '<t:AllowNewTimeProposal>true</t:AllowNewTimeProposal>',
  },
  { uri: 'calendar:IsOnlineMeeting', find: true, dflt: false, all: true, render: () => '<t:IsOnlineMeeting>false</t:IsOnlineMeeting>' },
  {
    uri: 'calendar:StartTimeZoneId',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:StartTimeZoneId>${esc(windowsZone(v.ev.timeZone).id)}</t:StartTimeZoneId>`,
  },
  {
    uri: 'calendar:EndTimeZoneId',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:EndTimeZoneId>${esc(windowsZone(v.ev.timeZone).id)}</t:EndTimeZoneId>`,
  },
  {
    uri: 'calendar:IsOrganizer',
    find: true,
    dflt: false,
    all: true,
    render: (v) => `<t:IsOrganizer>${b(v.ev.organizer.email === v.ev.mailbox)}</t:IsOrganizer>`,
  },
];

const KNOWN = new Set(FIELDS.map((f) => f.uri));

/** FindItem with a property it cannot return: Exchange refuses the request. */
export function checkFindShape(shape: Shape, alsoRefused: readonly string[] = []): void {
  for (const uri of shape.fields) {
    const f = FIELDS.find((x) => x.uri === uri);
    if ((f && !f.find) || alsoRefused.includes(uri)) {
      throw new EwsResponseError('ErrorInvalidPropertyRequest', `The property ${uri.split(':')[1]} can't be used in FindItem requests.`);
    }
  }
}

function extendedXml(v: ItemView, shape: Shape): string {
  let xml = '';
  for (const ref of shape.extended) {
    const found = v.ev.extendedProperties.find((p) => p.key.toLowerCase() === ref.key.toLowerCase());
    if (found) xml += `<t:ExtendedProperty>${extendedFieldXml(ref)}<t:Value>${esc(found.value)}</t:Value></t:ExtendedProperty>`;
  }
  return xml;
}

export function calendarItemXml(call: EwsCall, v: ItemView, shape: Shape, mode: ItemMode): string {
  const ctx: Ctx = { call, mode };
  let xml = `<t:ItemId Id="${esc(v.id)}" ChangeKey="${esc(v.changeKey)}"/>`;
  for (const f of FIELDS) {
    if (f.uri === '#extended') {
      xml += extendedXml(v, shape);
      continue;
    }
    const inShape =
      shape.fields.has(f.uri) ||
      (shape.base === 'AllProperties' && f.all) ||
      ((shape.base === 'Default' || shape.base === 'AllProperties') && f.dflt);
    if (!inShape) continue;
    if (mode === 'find' && !f.find) continue;
    xml += f.render(v, ctx);
  }
  return `<t:CalendarItem>${xml}</t:CalendarItem>`;
}

export function isKnownItemField(uri: string): boolean {
  return KNOWN.has(uri);
}
