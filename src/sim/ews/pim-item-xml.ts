// <t:Contact> and <t:Task> in schema order (ItemType's elements first, then the Contact's or Task's). Empty
// properties are left out, as Exchange does. Dates without a time go out as the instant of local midnight in the
// mailbox's zone (a Berlin due date of 10 March is 2026-03-09T23:00:00Z), as Exchange stores them.
import type { SimContact, SimItem, SimTask } from '../world/types.js';
import { localMidnight } from '../world/tz.js';
import { esc } from '../xml/escape.js';
import type { EwsCall } from './call.js';
import type { ItemMode } from './item-xml.js';
import type { Shape } from './shape.js';
import { EwsResponseError } from './soap.js';
import { ewsDate } from './values.js';

interface Field<T> {
  uri: string;
  dflt: boolean;
  render(item: T, call: EwsCall): string;
}

const text = (tag: string, v: string) => (v ? `<t:${tag}>${esc(v)}</t:${tag}>` : '');
const STATUS = {
  notStarted: 'NotStarted',
  inProgress: 'InProgress',
  completed: 'Completed',
  waitingOnOthers: 'WaitingOnOthers',
  deferred: 'Deferred',
};
const PHONE_KEYS = { business: ['BusinessPhone', 'BusinessPhone2'], home: ['HomePhone', 'HomePhone2'], mobile: ['MobilePhone'] } as const;
const ADDRESS_KEYS = { business: 'Business', home: 'Home', other: 'Other' } as const;

function dateXml(tag: string, date: string | undefined, call: EwsCall, mailbox: string): string {
  if (!date) return '';
  const zone = call.world.mailboxes.get(mailbox)?.timeZone ?? 'UTC';
  return `<t:${tag}>${ewsDate(new Date(localMidnight(zone, date)).toISOString())}</t:${tag}>`;
}

function itemFields<T extends SimItem>(itemClass: string, subject: (i: T) => string, body: (i: T) => string): Field<T>[] {
  return [
    {
      uri: 'item:ParentFolderId',
      dflt: false,
      render: (i, call) => `<t:ParentFolderId Id="${esc(i.folderId)}" ChangeKey="${esc(call.world.folders.get(i.folderId)!.changeKey)}"/>`,
    },
    { uri: 'item:ItemClass', dflt: false, render: () => `<t:ItemClass>${itemClass}</t:ItemClass>` },
    { uri: 'item:Subject', dflt: true, render: (i) => text('Subject', subject(i)) },
    { uri: 'item:Sensitivity', dflt: false, render: () => '<t:Sensitivity>Normal</t:Sensitivity>' },
    { uri: 'item:Body', dflt: false, render: (i) => `<t:Body BodyType="Text">${esc(body(i))}</t:Body>` },
    {
      uri: 'item:Categories',
      dflt: false,
      render: (i) =>
        i.categories.length ? `<t:Categories>${i.categories.map((c) => `<t:String>${esc(c)}</t:String>`).join('')}</t:Categories>` : '',
    },
    { uri: 'item:Importance', dflt: false, render: (i) => `<t:Importance>${i.kind === 'task' ? i.importance : 'Normal'}</t:Importance>` },
    { uri: 'item:DateTimeCreated', dflt: false, render: (i) => `<t:DateTimeCreated>${ewsDate(i.created)}</t:DateTimeCreated>` },
    { uri: 'item:LastModifiedTime', dflt: false, render: (i) => `<t:LastModifiedTime>${ewsDate(i.lastModified)}</t:LastModifiedTime>` },
  ];
}

const CONTACT_FIELDS: Field<SimContact>[] = [
  ...itemFields<SimContact>(
    'IPM.Contact',
    (c) => c.displayName,
    (c) => c.notes,
  ),
  {
    uri: 'contacts:FileAs',
    dflt: false,
    render: (c) => text('FileAs', c.surname && c.givenName ? `${c.surname}, ${c.givenName}` : c.displayName),
  },
  { uri: 'contacts:DisplayName', dflt: true, render: (c) => text('DisplayName', c.displayName) },
  { uri: 'contacts:GivenName', dflt: false, render: (c) => text('GivenName', c.givenName) },
  { uri: 'contacts:MiddleName', dflt: false, render: (c) => text('MiddleName', c.middleName) },
  { uri: 'contacts:Nickname', dflt: false, render: (c) => text('Nickname', c.nickname) },
  { uri: 'contacts:CompanyName', dflt: true, render: (c) => text('CompanyName', c.companyName) },
  {
    uri: 'contacts:EmailAddresses',
    dflt: true,
    render: (c) =>
      c.emails.length
        ? `<t:EmailAddresses>${c.emails
            .map(
              (e, n) =>
                `<t:Entry Key="EmailAddress${n + 1}"${e.name ? ` Name="${esc(e.name)}"` : ''} RoutingType="SMTP" MailboxType="Contact">${esc(e.address)}</t:Entry>`,
            )
            .join('')}</t:EmailAddresses>`
        : '',
  },
  {
    uri: 'contacts:PhysicalAddresses',
    dflt: true,
    render: (c) =>
      c.addresses.length
        ? `<t:PhysicalAddresses>${c.addresses
            .map(
              (a) =>
                `<t:Entry Key="${ADDRESS_KEYS[a.type]}">${text('Street', a.street)}${text('City', a.city)}${text('State', a.state)}${text('CountryOrRegion', a.countryOrRegion)}${text('PostalCode', a.postalCode)}</t:Entry>`,
            )
            .join('')}</t:PhysicalAddresses>`
        : '',
  },
  {
    uri: 'contacts:PhoneNumbers',
    dflt: true,
    render: (c) => {
      const entries = (['business', 'home', 'mobile'] as const).flatMap((t) =>
        c.phones.filter((p) => p.type === t).map((p, n) => `<t:Entry Key="${PHONE_KEYS[t][n]}">${esc(p.number)}</t:Entry>`),
      );
      return entries.length ? `<t:PhoneNumbers>${entries.join('')}</t:PhoneNumbers>` : '';
    },
  },
  { uri: 'contacts:Birthday', dflt: false, render: (c, call) => dateXml('Birthday', c.birthday, call, c.mailbox) },
  { uri: 'contacts:Department', dflt: false, render: (c) => text('Department', c.department) },
  { uri: 'contacts:JobTitle', dflt: true, render: (c) => text('JobTitle', c.jobTitle) },
  { uri: 'contacts:Surname', dflt: false, render: (c) => text('Surname', c.surname) },
];

const TASK_FIELDS: Field<SimTask>[] = [
  ...itemFields<SimTask>(
    'IPM.Task',
    (t) => t.subject,
    (t) => t.body,
  ),
  { uri: 'task:CompleteDate', dflt: false, render: (t, call) => dateXml('CompleteDate', t.completedDate, call, t.mailbox) },
  { uri: 'task:DueDate', dflt: true, render: (t, call) => dateXml('DueDate', t.dueDate, call, t.mailbox) },
  { uri: 'task:IsComplete', dflt: false, render: (t) => `<t:IsComplete>${t.status === 'completed'}</t:IsComplete>` },
  {
    uri: 'task:PercentComplete',
    dflt: false,
    render: (t) => `<t:PercentComplete>${t.status === 'completed' ? 100 : t.status === 'inProgress' ? 50 : 0}</t:PercentComplete>`,
  },
  { uri: 'task:StartDate', dflt: false, render: (t, call) => dateXml('StartDate', t.startDate, call, t.mailbox) },
  { uri: 'task:Status', dflt: true, render: (t) => `<t:Status>${STATUS[t.status]}</t:Status>` },
];

const KNOWN = new Set([...CONTACT_FIELDS, ...TASK_FIELDS].map((f) => f.uri));

/** FindItem cannot return the body of any item (ErrorInvalidPropertyRequest), contacts and tasks included. */
export function checkPimFindShape(shape: Shape): void {
  if (shape.fields.has('item:Body'))
    throw new EwsResponseError('ErrorInvalidPropertyRequest', "The property Body can't be used in FindItem requests.");
}

function render<T extends SimItem>(fields: Field<T>[], item: T, shape: Shape, mode: ItemMode, call: EwsCall): string {
  let xml = `<t:ItemId Id="${esc(item.id)}" ChangeKey="${esc(item.changeKey)}"/>`;
  for (const f of fields) {
    const inShape = shape.fields.has(f.uri) || shape.base === 'AllProperties' || (shape.base === 'Default' && f.dflt);
    if (!inShape || (mode === 'find' && f.uri === 'item:Body')) continue;
    xml += f.render(item, call);
  }
  return xml;
}

/** A contact or task in the shape asked for; fields of the other kind (task:Status on a contact) are left out. */
export function pimItemXml(call: EwsCall, item: SimItem, shape: Shape, mode: ItemMode): string {
  for (const uri of shape.fields)
    if (!KNOWN.has(uri) && !uri.startsWith('calendar:') && !uri.startsWith('item:'))
      throw new EwsResponseError('ErrorInvalidPropertyRequest', `The property ${uri} is not valid for this object type.`);
  if (item.kind === 'contact') return `<t:Contact>${render(CONTACT_FIELDS, item, shape, mode, call)}</t:Contact>`;
  return `<t:Task>${render(TASK_FIELDS, item, shape, mode, call)}</t:Task>`;
}
