// GetUserAvailability: free/busy for many mailboxes without read rights. Detail depends on the caller's
// calendar permission (default free/busy only), private items never show their subject to others.
import { child, childText, elementChildren } from '../../xml/safe-parse.js';
import { esc } from '../../xml/escape.js';
import { mailboxOf } from '../../world/world.js';
import { expandEvent } from '../../world/recurrence.js';
import { eventsInFolder } from '../../world/world.js';
import type { ExpandedItem } from '../../world/types.js';
import type { EwsCall } from '../call.js';
import { folderLevel, isOwner, levelAtLeast } from '../call.js';
import { NS } from '../soap.js';
import { FREE_BUSY } from '../values.js';
import {
  formatLocal,
  parseRequestTime,
  parseSerializableZone,
  serializableZoneXml,
  type SerializableZone,
} from '../serializable-time-zone.js';

const VIEWS = ['None', 'MergedOnly', 'FreeBusy', 'FreeBusyMerged', 'Detailed', 'DetailedMerged'];
const MERGED_CODE: Record<string, number> = { free: 0, tentative: 1, busy: 2, oof: 3, workingElsewhere: 4, unknown: 5 };
const PRIORITY = ['free', 'workingElsewhere', 'tentative', 'busy', 'oof'];

function mergedString(items: ExpandedItem[], from: number, to: number, minutes: number): string {
  let out = '';
  for (let t = from; t < to; t += minutes * 60_000) {
    const end = t + minutes * 60_000;
    let best = 'free';
    for (const i of items) {
      if (Date.parse(i.start) < end && Date.parse(i.end) > t && PRIORITY.indexOf(i.showAs) > PRIORITY.indexOf(best)) best = i.showAs;
    }
    out += MERGED_CODE[best];
  }
  return out;
}

function eventXml(i: ExpandedItem, z: SerializableZone, details: boolean, owner: boolean): string {
  const s = `<t:StartTime>${formatLocal(z, Date.parse(i.start))}</t:StartTime><t:EndTime>${formatLocal(z, Date.parse(i.end))}</t:EndTime><t:BusyType>${FREE_BUSY[i.showAs]}</t:BusyType>`;
  if (!details) return `<t:CalendarEvent>${s}</t:CalendarEvent>`;
  const priv = i.master.sensitivity === 'private';
  const hidden = priv && !owner;
  const id = Buffer.from(i.id, 'base64').toString('hex').toUpperCase();
  const d =
    (hidden ? '' : `<t:ID>${id}</t:ID><t:Subject>${esc(i.subject)}</t:Subject><t:Location>${esc(i.location)}</t:Location>`) +
    `<t:IsMeeting>${i.master.isMeeting}</t:IsMeeting><t:IsRecurring>${i.kind !== 'Single'}</t:IsRecurring><t:IsException>${i.kind === 'Exception'}</t:IsException>` +
    `<t:IsReminderSet>${i.master.reminderMinutes > 0}</t:IsReminderSet><t:IsPrivate>${priv}</t:IsPrivate>`;
  return `<t:CalendarEvent>${s}<t:CalendarEventDetails>${d}</t:CalendarEventDetails></t:CalendarEvent>`;
}

export async function getUserAvailability(call: EwsCall): Promise<string> {
  const zone = parseSerializableZone(child(call.op, 'TimeZone', NS.t));
  const options = child(call.op, 'FreeBusyViewOptions', NS.t);
  const window = child(options, 'TimeWindow', NS.t);
  const from = parseRequestTime(zone, childText(window, 'StartTime', NS.t) ?? '');
  const to = parseRequestTime(zone, childText(window, 'EndTime', NS.t) ?? '');
  const interval = Number(childText(options, 'MergedFreeBusyIntervalInMinutes', NS.t) ?? 30);
  const requested = childText(options, 'RequestedView', NS.t) ?? 'FreeBusy';
  const datas = elementChildren(child(call.op, 'MailboxDataArray', NS.m), 'MailboxData', NS.t);
  const responses = datas.map((d) => {
    const address = (childText(child(d, 'Email', NS.t), 'Address', NS.t) ?? '').trim();
    const mb = mailboxOf(call.world, address);
    if (!mb) {
      return (
        `<m:FreeBusyResponse><m:ResponseMessage ResponseClass="Error"><m:MessageText>Unable to resolve e-mail address ${esc(address)} to an Active Directory object.</m:MessageText>` +
        `<m:ResponseCode>ErrorMailRecipientNotFound</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:ResponseMessage>` +
        `<m:FreeBusyView><t:FreeBusyViewType>None</t:FreeBusyViewType></m:FreeBusyView></m:FreeBusyResponse>`
      );
    }
    const calendar = call.world.folders.get(mb.distinguished.calendar)!;
    call.counters.touch(mb.smtp, calendar.id);
    const owner = isOwner(call, mb.smtp);
    const detailedAllowed = owner || levelAtLeast(folderLevel(call, calendar), 'FreeBusyTimeAndSubjectAndLocation');
    let view = requested;
    if (!detailedAllowed && view.startsWith('Detailed')) view = view === 'DetailedMerged' ? 'FreeBusyMerged' : 'FreeBusy';
    const items = eventsInFolder(call.world, calendar.id)
      .flatMap((ev) => expandEvent(ev, from, to))
      .filter((i) => i.showAs !== 'free' && !i.isCancelled)
      .sort((a, b) => (a.start < b.start ? -1 : 1));
    const merged =
      view.endsWith('Merged') || view === 'MergedOnly'
        ? `<t:MergedFreeBusy>${mergedString(items, from, to, interval)}</t:MergedFreeBusy>`
        : '';
    const events =
      view === 'MergedOnly' || view === 'None'
        ? ''
        : `<t:CalendarEventArray>${items.map((i) => eventXml(i, zone, view.startsWith('Detailed'), owner)).join('')}</t:CalendarEventArray>`;
    const hours =
      `<t:WorkingHours>${serializableZoneXml(mb.timeZone)}<t:WorkingPeriodArray><t:WorkingPeriod><t:DayOfWeek>Monday Tuesday Wednesday Thursday Friday</t:DayOfWeek>` +
      `<t:StartTimeInMinutes>480</t:StartTimeInMinutes><t:EndTimeInMinutes>1020</t:EndTimeInMinutes></t:WorkingPeriod></t:WorkingPeriodArray></t:WorkingHours>`;
    return (
      `<m:FreeBusyResponse><m:ResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:ResponseMessage>` +
      `<m:FreeBusyView><t:FreeBusyViewType>${VIEWS.includes(view) ? view : 'FreeBusy'}</t:FreeBusyViewType>${merged}${events}${view === 'MergedOnly' ? '' : hours}</m:FreeBusyView></m:FreeBusyResponse>`
    );
  });
  return `<m:GetUserAvailabilityResponse xmlns:m="${NS.m}" xmlns:t="${NS.t}"><m:FreeBusyResponseArray>${responses.join('')}</m:FreeBusyResponseArray></m:GetUserAvailabilityResponse>`;
}
