// CSV for contacts and tasks (RFC 4180, as the calendar CSV: CRLF, a header row, quoted where needed), one row per
// item. Lists are joined with "; " (an e-mail address is "Name <address>", a phone is its number); each address type
// has its own five columns, so a spreadsheet or a CRM import maps them without parsing. Contacts and tasks come from
// anyone who can send a vCard or a task request: cells a spreadsheet would evaluate are neutralised as in the
// calendar CSV unless the job keeps formulas.
import { stringify } from 'csv-stringify/sync';
import type { NormalisedContact, NormalisedItem, NormalisedTask } from '../../../shared/item-model.js';
import { neutraliseCell } from '../formats/csv.js';
import type { EncoderOptions, FolderMeta } from '../formats/types.js';
import type { ItemEncoder } from './types.js';

const ADDRESS_TYPES = ['business', 'home', 'other'] as const;
const ADDRESS_FIELDS = ['street', 'city', 'state', 'postalCode', 'countryOrRegion'] as const;
const PHONE_TYPES = ['business', 'home', 'mobile'] as const;
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export const CONTACT_CSV_COLUMNS = [
  'mailbox',
  'folder',
  'id',
  'displayName',
  'givenName',
  'middleName',
  'surname',
  'nickname',
  'companyName',
  'jobTitle',
  'department',
  'emails',
  ...PHONE_TYPES.map((t) => `${t}Phones`),
  ...ADDRESS_TYPES.flatMap((t) => ADDRESS_FIELDS.map((f) => `${t}${cap(f)}`)),
  'birthday',
  'categories',
  'lastModified',
  'notes',
] as const;

export const TASK_CSV_COLUMNS = [
  'mailbox',
  'folder',
  'id',
  'subject',
  'status',
  'importance',
  'startDate',
  'dueDate',
  'completedDate',
  'categories',
  'lastModified',
  'body',
] as const;

// Bare CR or LF inside a field must be quoted too, or readers split the record (notes and bodies contain them).
const OPTIONS = { record_delimiter: '\r\n', quoted_match: [/[\r\n]/, /^\s|\s$/] };

const mailAddress = (e: NormalisedContact['emails'][number]) => (e.name ? `${e.name} <${e.address}>` : e.address);

function contactRow(c: NormalisedContact): string[] {
  return [
    c.id,
    c.displayName,
    c.givenName,
    c.middleName,
    c.surname,
    c.nickname,
    c.companyName,
    c.jobTitle,
    c.department,
    c.emails.map(mailAddress).join('; '),
    ...PHONE_TYPES.map((t) =>
      c.phones
        .filter((p) => p.type === t)
        .map((p) => p.number)
        .join('; '),
    ),
    ...ADDRESS_TYPES.flatMap((t) => {
      const a = c.addresses.find((x) => x.type === t);
      return ADDRESS_FIELDS.map((f) => a?.[f] ?? '');
    }),
    c.birthday ?? '',
    c.categories.join('; '),
    c.lastModified,
    c.notes ?? '',
  ];
}

function taskRow(t: NormalisedTask): string[] {
  return [
    t.id,
    t.subject,
    t.status,
    t.importance,
    t.startDate ?? '',
    t.dueDate ?? '',
    t.completedDate ?? '',
    t.categories.join('; '),
    t.lastModified,
    t.body ?? '',
  ];
}

export function createItemCsvEncoder(meta: FolderMeta, kind: NormalisedItem['kind'], o: EncoderOptions = {}): ItemEncoder {
  const cells = (row: string[]) => (o.csvKeepFormulas ? row : row.map(neutraliseCell));
  return {
    extension: 'csv',
    mediaType: 'text/csv',
    begin: () => stringify([[...(kind === 'contact' ? CONTACT_CSV_COLUMNS : TASK_CSV_COLUMNS)]], OPTIONS),
    item: (i) => stringify([cells([meta.mailbox, meta.folder, ...(i.kind === 'contact' ? contactRow(i) : taskRow(i))])], OPTIONS),
    end: () => '',
  };
}
