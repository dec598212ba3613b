// Contacts and To Do tasks as Graph sends them: unset text as null, emailAddresses as {name, address} objects,
// businessPhones/homePhones arrays beside one mobilePhone, a physicalAddress per kind ({} when unset), the birthday
// as the instant of local midnight in the mailbox's zone, task dates as dateTimeTimeZone in UTC (local midnight
// converted, as To Do does), To Do lists with wellknownListName, and @odata.etag on every entity.
import type { SimContact, SimFolder, SimMailbox, SimTask } from '../world/types.js';
import type { SimWorld } from '../world/world.js';
import { localMidnight } from '../world/tz.js';
import { graphDateTime } from './graph-http.js';

const nul = (v: string) => (v === '' ? null : v);
const seconds = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
const etag = (changeKey: string) => `W/"${changeKey}"`;

function zoneOf(world: SimWorld, smtp: string): string {
  return world.mailboxes.get(smtp)?.timeZone ?? 'UTC';
}

function address(c: SimContact, type: 'business' | 'home' | 'other') {
  const a = c.addresses.find((x) => x.type === type);
  return a ? { street: a.street, city: a.city, state: a.state, countryOrRegion: a.countryOrRegion, postalCode: a.postalCode } : {};
}

export function contactJson(world: SimWorld, c: SimContact): Record<string, unknown> {
  const phones = (type: 'business' | 'home' | 'mobile') => c.phones.filter((p) => p.type === type).map((p) => p.number);
  const json: Record<string, unknown> = {
    '@odata.etag': etag(c.changeKey),
    id: c.id,
    createdDateTime: seconds(c.created),
    lastModifiedDateTime: seconds(c.lastModified),
    changeKey: c.changeKey,
    categories: [...c.categories],
    parentFolderId: c.folderId,
    birthday: c.birthday ? seconds(new Date(localMidnight(zoneOf(world, c.mailbox), c.birthday)).toISOString()) : null,
    fileAs: c.surname && c.givenName ? `${c.surname}, ${c.givenName}` : c.displayName,
    displayName: c.displayName,
    givenName: nul(c.givenName),
    initials: null,
    middleName: nul(c.middleName),
    nickName: nul(c.nickname),
    surname: nul(c.surname),
    title: null,
    yomiGivenName: null,
    yomiSurname: null,
    yomiCompanyName: null,
    generation: null,
    imAddresses: [],
    jobTitle: nul(c.jobTitle),
    companyName: nul(c.companyName),
    department: nul(c.department),
    officeLocation: null,
    profession: null,
    businessHomePage: null,
    assistantName: null,
    manager: null,
    homePhones: phones('home'),
    mobilePhone: phones('mobile')[0] ?? null,
    businessPhones: phones('business'),
    spouseName: null,
    children: [],
    emailAddresses: c.emails.map((e) => ({ name: e.name ?? null, address: e.address })),
    homeAddress: address(c, 'home'),
    businessAddress: address(c, 'business'),
    otherAddress: address(c, 'other'),
    personalNotes: c.notes,
  };
  return json;
}

const IMPORTANCE = { Low: 'low', Normal: 'normal', High: 'high' } as const;

export function taskJson(world: SimWorld, t: SimTask): Record<string, unknown> {
  const zone = zoneOf(world, t.mailbox);
  const date = (d: string | undefined) =>
    d ? { dateTime: graphDateTime(new Date(localMidnight(zone, d)).toISOString()), timeZone: 'UTC' } : undefined;
  const json: Record<string, unknown> = {
    '@odata.etag': etag(t.changeKey),
    importance: IMPORTANCE[t.importance],
    isReminderOn: false,
    status: t.status,
    title: t.subject,
    createdDateTime: graphDateTime(t.created).replace(/$/, 'Z'),
    lastModifiedDateTime: graphDateTime(t.lastModified).replace(/$/, 'Z'),
    hasAttachments: false,
    categories: [...t.categories],
    id: t.id,
    body: { content: t.body, contentType: 'text' },
  };
  for (const [key, value] of [
    ['startDateTime', t.startDate],
    ['dueDateTime', t.dueDate],
    ['completedDateTime', t.completedDate],
  ] as const) {
    const v = date(value);
    if (v) json[key] = v;
  }
  return json;
}

/** The To Do list a mailbox's Tasks folder is: the default list. */
export function todoListJson(mb: SimMailbox, f: SimFolder): Record<string, unknown> {
  const isDefault = mb.distinguished.tasks === f.id;
  return {
    '@odata.etag': etag(f.changeKey),
    displayName: f.displayName,
    isOwner: true,
    isShared: false,
    wellknownListName: isDefault ? 'defaultList' : 'none',
    id: f.id,
  };
}

export function contactFolderJson(f: SimFolder): Record<string, unknown> {
  return { id: f.id, displayName: f.displayName, parentFolderId: f.parentId ?? null };
}
