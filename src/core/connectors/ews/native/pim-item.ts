// One <t:Contact> or <t:Task> of a GetItem answer as a normalised contact or task. Absent properties are empty
// strings (Exchange leaves empty ones out); dates without a time come as instants and are read as dates
// (dateOfInstant); phone and address keys map onto the kinds Graph also has, other keys are not exported.
import { dateOfInstant, type NormalisedContact, type NormalisedTask, type TaskStatus } from '../../../../shared/item-model.js';
import { child, children, textOf, type XmlNode } from '../xml/safe-xml.js';
import { ewsInstant } from './calendar-item.js';

const PHONES: Record<string, 'business' | 'home' | 'mobile'> = {
  BusinessPhone: 'business',
  BusinessPhone2: 'business',
  HomePhone: 'home',
  HomePhone2: 'home',
  MobilePhone: 'mobile',
};
const PHONE_ORDER = ['BusinessPhone', 'BusinessPhone2', 'HomePhone', 'HomePhone2', 'MobilePhone'];
const ADDRESSES: Record<string, 'business' | 'home' | 'other'> = { Business: 'business', Home: 'home', Other: 'other' };
const STATUS: Record<string, TaskStatus> = {
  NotStarted: 'notStarted',
  InProgress: 'inProgress',
  Completed: 'completed',
  WaitingOnOthers: 'waitingOnOthers',
  Deferred: 'deferred',
};
const IMPORTANCE = { Low: 'low', Normal: 'normal', High: 'high' } as const;

const str = (item: XmlNode, name: string) => textOf(item, name)?.trim() ?? '';

function date(item: XmlNode, name: string): string | undefined {
  const v = ewsInstant(textOf(item, name) ?? '');
  return v ? dateOfInstant(v) : undefined;
}

const categoriesOf = (item: XmlNode) => children(child(item, 'Categories'), 'String').map((s) => s.text);
const lastModifiedOf = (item: XmlNode) => {
  return ewsInstant(textOf(item, 'LastModifiedTime') ?? '') ?? '';
};

export function contactOf(item: XmlNode, id: string, includeBody: boolean): NormalisedContact {
  const entries = (name: string) => children(child(item, name), 'Entry');
  const emails = entries('EmailAddresses')
    .filter((e) => e.text.trim())
    .sort((a, b) => (a.attrs.Key ?? '').localeCompare(b.attrs.Key ?? ''))
    .map((e) => (e.attrs.Name ? { address: e.text.trim(), name: e.attrs.Name } : { address: e.text.trim() }));
  const phones = entries('PhoneNumbers')
    .filter((e) => PHONES[e.attrs.Key ?? ''] && e.text.trim())
    .sort((a, b) => PHONE_ORDER.indexOf(a.attrs.Key) - PHONE_ORDER.indexOf(b.attrs.Key))
    .map((e) => ({ type: PHONES[e.attrs.Key], number: e.text.trim() }));
  const addresses = entries('PhysicalAddresses')
    .filter((e) => ADDRESSES[e.attrs.Key ?? ''])
    .map((e) => ({
      type: ADDRESSES[e.attrs.Key],
      street: str(e, 'Street'),
      city: str(e, 'City'),
      state: str(e, 'State'),
      postalCode: str(e, 'PostalCode'),
      countryOrRegion: str(e, 'CountryOrRegion'),
    }))
    .filter((a) => a.street || a.city || a.state || a.postalCode || a.countryOrRegion)
    .sort((a, b) => ['business', 'home', 'other'].indexOf(a.type) - ['business', 'home', 'other'].indexOf(b.type));
  const birthday = date(item, 'Birthday');
  return {
    kind: 'contact',
    id,
    displayName: str(item, 'DisplayName'),
    givenName: str(item, 'GivenName'),
    middleName: str(item, 'MiddleName'),
    surname: str(item, 'Surname'),
    nickname: str(item, 'Nickname'),
    companyName: str(item, 'CompanyName'),
    jobTitle: str(item, 'JobTitle'),
    department: str(item, 'Department'),
    emails,
    phones,
    addresses,
    ...(birthday ? { birthday } : {}),
    categories: categoriesOf(item),
    ...(includeBody ? { notes: textOf(item, 'Body') ?? '' } : {}),
    lastModified: lastModifiedOf(item),
  };
}

export function taskOf(item: XmlNode, id: string, includeBody: boolean): NormalisedTask {
  const startDate = date(item, 'StartDate');
  const dueDate = date(item, 'DueDate');
  const completedDate = date(item, 'CompleteDate');
  const importance = textOf(item, 'Importance')?.trim() as keyof typeof IMPORTANCE | undefined;
  return {
    kind: 'task',
    id,
    subject: textOf(item, 'Subject') ?? '',
    status: STATUS[textOf(item, 'Status')?.trim() ?? ''] ?? 'notStarted',
    importance: (importance && IMPORTANCE[importance]) ?? 'normal',
    ...(startDate ? { startDate } : {}),
    ...(dueDate ? { dueDate } : {}),
    ...(completedDate ? { completedDate } : {}),
    categories: categoriesOf(item),
    ...(includeBody ? { body: textOf(item, 'Body') ?? '' } : {}),
    lastModified: lastModifiedOf(item),
  };
}
