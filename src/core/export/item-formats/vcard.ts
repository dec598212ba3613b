// Contacts as vCard 4 (RFC 6350): one .vcf per mailbox-folder holding one VCARD per contact, built and escaped by
// ical.js's vCard design set (backslash, comma, newline; semicolons inside the parts of N, ORG and ADR). ical.js
// folds continuation lines at 76 octets, so each card is written unfolded and folded here like the calendar ICS
// (at most 75 octets a line, a character never split). Exchange's phone kinds map to TEL TYPE (business work,voice;
// home home,voice; mobile cell), address kinds to ADR TYPE (business work, home home, other none); e-mail addresses
// keep their order through PREF (1 = EmailAddress1). A line break inside a value is one LF (written as \n).
import ICAL from 'ical.js';
import type { NormalisedContact } from '../../../shared/item-model.js';
import { foldIcsLines } from '../formats/ics-fold.js';
import type { ItemEncoder } from './types.js';

export const VCARD_PHONE_TYPES: Record<NormalisedContact['phones'][number]['type'], string[]> = {
  business: ['work', 'voice'],
  home: ['home', 'voice'],
  mobile: ['cell'],
};
export const VCARD_ADDRESS_TYPES: Record<NormalisedContact['addresses'][number]['type'], string | undefined> = {
  business: 'work',
  home: 'home',
  other: undefined,
};
const CRLF = '\r\n';

const lf = (s: string) => s.replace(/\r\n?/g, '\n');

/** FN is required: the display name, else the name's parts, the company, the first address. */
function formattedName(c: NormalisedContact): string {
  const parts = [c.givenName, c.middleName, c.surname].filter(Boolean).join(' ');
  return c.displayName || parts || c.companyName || c.emails[0]?.address || '';
}

function add(card: ICAL.Component, name: string, value: string | string[], params: Record<string, string | string[]> = {}) {
  const p = new ICAL.Property(name);
  if (name === 'tel') p.resetType('text');
  if (Array.isArray(value)) p.setValue(value.map(lf));
  else p.setValue(lf(value));
  for (const [k, v] of Object.entries(params)) p.setParameter(k, v);
  card.addProperty(p);
}

export function vcardOf(c: NormalisedContact): string {
  const card = new ICAL.Component('vcard');
  add(card, 'uid', c.id);
  add(card, 'kind', 'individual');
  add(card, 'fn', formattedName(c));
  add(card, 'n', [c.surname, c.givenName, c.middleName, '', '']);
  if (c.nickname) add(card, 'nickname', c.nickname);
  if (c.companyName || c.department) add(card, 'org', c.department ? [c.companyName, c.department] : [c.companyName]);
  if (c.jobTitle) add(card, 'title', c.jobTitle);
  c.emails.forEach((e, i) => add(card, 'email', e.address, { pref: String(i + 1) }));
  for (const p of c.phones) add(card, 'tel', p.number, { type: VCARD_PHONE_TYPES[p.type] });
  for (const a of c.addresses) {
    const type = VCARD_ADDRESS_TYPES[a.type];
    add(card, 'adr', ['', '', a.street, a.city, a.state, a.postalCode, a.countryOrRegion], type ? { type } : {});
  }
  if (c.birthday) add(card, 'bday', c.birthday);
  if (c.categories.length) {
    const p = new ICAL.Property('categories');
    p.setValues(c.categories.map(lf));
    card.addProperty(p);
  }
  if (c.notes) add(card, 'note', c.notes);
  add(card, 'rev', new Date(c.lastModified).toISOString().replace(/\.\d+Z$/, 'Z'));
  const lines = card.getAllProperties().map((p) => ICAL.stringify.property(p.toJSON() as unknown[], ICAL.design.vcard, true));
  // VERSION must follow BEGIN; PRODID is written as it is (ical.js's vCard set does not know it and would add VALUE=TEXT).
  return foldIcsLines(['BEGIN:VCARD', 'VERSION:4.0', 'PRODID:-//Calpump//Calpump//EN', ...lines, 'END:VCARD'].join(CRLF)) + CRLF;
}

export function createVcardEncoder(): ItemEncoder {
  return {
    extension: 'vcf',
    mediaType: 'text/vcard',
    begin: () => '',
    item: (i) => (i.kind === 'contact' ? vcardOf(i) : ''),
    end: () => '',
  };
}
