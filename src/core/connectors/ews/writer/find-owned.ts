// FindItem over a calendar folder restricted to Calpump's tags (IndexedPageItemView: a restriction is not
// allowed on a CalendarView), paged until IncludesLastItemInRange. Returns masters/singles, which is all
// Calpump ever creates.
import type { Sensitivity, ShowAs } from '../../../../shared/model.js';
import { windowsToIana } from '../../../../shared/time-zones.js';
import { CalpumpError } from '../../../errors/calpump-error.js';
import { addDaysToDate, localDateOf } from '../../zoned-time.js';
import { CALPUMP_PROPERTY_SET_ID, TAG_NAMES, type ListOwnedOptions, type OwnedItem, type TagName } from '../../writer.js';
import { errorForResponseCode, messageError, responseMessages } from '../ews-errors.js';
import type { EwsSession } from '../session.js';
import { child, children, descendants, escapeXml, textOf, type XmlNode } from '../xml/safe-xml.js';
import { FREE_BUSY, SENSITIVITY, tagFieldUri } from './calendar-item-xml.js';
import { folderRefXml, postAs } from './write-operations.js';

const PAGE = 500;
const FIELDS = [
  'item:Subject',
  'item:Sensitivity',
  'item:Categories',
  'item:ReminderIsSet',
  'item:ReminderMinutesBeforeStart',
  'item:LastModifiedTime',
  'calendar:Start',
  'calendar:End',
  'calendar:IsAllDayEvent',
  'calendar:LegacyFreeBusyStatus',
  'calendar:Location',
  'calendar:StartTimeZoneId',
];
const SHOW_AS = Object.fromEntries(Object.entries(FREE_BUSY).map(([k, v]) => [v, k])) as Record<string, ShowAs>;
const SENS = Object.fromEntries(Object.entries(SENSITIVITY).map(([k, v]) => [v, k])) as Record<string, Sensitivity>;
const BY_NAME = Object.fromEntries(Object.entries(TAG_NAMES).map(([k, v]) => [v.toLowerCase(), k])) as Record<string, TagName>;

function restriction(opts: ListOwnedOptions): string {
  const terms = [
    opts.scope
      ? `<t:IsEqualTo>${tagFieldUri('scope')}<t:FieldURIOrConstant><t:Constant Value="${escapeXml(opts.scope)}"/></t:FieldURIOrConstant></t:IsEqualTo>`
      : `<t:Exists>${tagFieldUri('sourceKey')}</t:Exists>`,
  ];
  const iso = (d: Date) => d.toISOString().replace(/\.000Z$/, 'Z');
  if (opts.from)
    terms.push(
      `<t:IsGreaterThan><t:FieldURI FieldURI="calendar:End"/><t:FieldURIOrConstant><t:Constant Value="${iso(opts.from)}"/></t:FieldURIOrConstant></t:IsGreaterThan>`,
    );
  if (opts.to)
    terms.push(
      `<t:IsLessThan><t:FieldURI FieldURI="calendar:Start"/><t:FieldURIOrConstant><t:Constant Value="${iso(opts.to)}"/></t:FieldURIOrConstant></t:IsLessThan>`,
    );
  return terms.length === 1 ? terms[0] : `<t:And>${terms.join('')}</t:And>`;
}

function findBody(mailbox: string, folder: string, opts: ListOwnedOptions, offset: number): string {
  const props =
    FIELDS.map((f) => `<t:FieldURI FieldURI="${f}"/>`).join('') + (Object.keys(TAG_NAMES) as TagName[]).map(tagFieldUri).join('');
  return (
    `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>${props}</t:AdditionalProperties></m:ItemShape>` +
    `<m:IndexedPageItemView MaxEntriesReturned="${PAGE}" Offset="${offset}" BasePoint="Beginning"/>` +
    `<m:Restriction>${restriction(opts)}</m:Restriction>` +
    `<m:ParentFolderIds>${folderRefXml(folder, mailbox)}</m:ParentFolderIds></m:FindItem>`
  );
}

const iso = (v: string | undefined) => (v ? new Date(v).toISOString() : '');

export function ownedFromXml(item: XmlNode, fallbackZone: string): OwnedItem | undefined {
  const tags: Partial<Record<TagName, string>> = {};
  for (const p of children(item, 'ExtendedProperty')) {
    const uri = child(p, 'ExtendedFieldURI');
    if ((uri?.attrs.PropertySetId ?? '').toLowerCase() !== CALPUMP_PROPERTY_SET_ID) continue;
    const name = BY_NAME[(uri?.attrs.PropertyName ?? '').toLowerCase()];
    if (name) tags[name] = textOf(p, 'Value') ?? '';
  }
  const idEl = child(item, 'ItemId');
  if (!tags.sourceKey || !idEl) return undefined;
  const zone = windowsToIana(textOf(item, 'StartTimeZoneId') ?? '') || fallbackZone;
  const isAllDay = textOf(item, 'IsAllDayEvent') === 'true';
  let start = iso(textOf(item, 'Start'));
  let end = iso(textOf(item, 'End'));
  if (isAllDay && start && end) {
    const first = localDateOf(zone, Date.parse(start));
    let last = localDateOf(zone, Date.parse(end));
    if (last <= first) last = addDaysToDate(first, 1);
    start = `${first}T00:00:00.000Z`;
    end = `${last}T00:00:00.000Z`;
  }
  return {
    id: idEl.attrs.Id,
    changeKey: idEl.attrs.ChangeKey ?? '',
    lastModified: iso(textOf(item, 'LastModifiedTime')),
    sourceKey: tags.sourceKey,
    scope: tags.scope ?? '',
    contentHash: tags.hash || undefined,
    subject: textOf(item, 'Subject') ?? '',
    start,
    end,
    isAllDay,
    timeZone: zone,
    location: textOf(item, 'Location') ?? '',
    showAs: SHOW_AS[textOf(item, 'LegacyFreeBusyStatus') ?? ''] ?? 'unknown',
    sensitivity: SENS[textOf(item, 'Sensitivity') ?? ''] ?? 'normal',
    categories: children(child(item, 'Categories'), 'String').map((c) => c.text),
    reminderMinutes: textOf(item, 'ReminderIsSet') === 'true' ? Number(textOf(item, 'ReminderMinutesBeforeStart') ?? 15) : undefined,
  };
}

export async function findOwned(s: EwsSession, mailbox: string, folder: string, opts: ListOwnedOptions = {}): Promise<OwnedItem[]> {
  const out: OwnedItem[] = [];
  for (let offset = 0; ;) {
    const answer = await postAs(s, mailbox, folder, findBody(mailbox, folder, opts, offset));
    const msg = responseMessages(answer.envelope)[0];
    if (!msg) throw new CalpumpError('ews.response.malformed', { params: { url: s.url }, evidence: 'missing=FindItemResponseMessage' });
    const err = messageError(msg);
    if (err) throw errorForResponseCode(err.code, err.text, { url: s.url, username: s.username, access: s.access, mailbox, folder });
    const root = child(msg, 'RootFolder');
    const items = descendants(child(root, 'Items') ?? { name: '', attrs: {}, children: [], text: '' }, 'CalendarItem');
    for (const item of items) {
      const owned = ownedFromXml(item, s.fallbackZone);
      if (owned) out.push(owned);
    }
    if (root?.attrs.IncludesLastItemInRange !== 'false' || items.length === 0) break;
    offset = Number(root.attrs.IndexedPagingOffset ?? offset + items.length);
  }
  return out;
}
