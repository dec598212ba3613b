// JSON for contacts and tasks: an array with keys in the schema's order and one item per line, so two exports of
// the same data are byte-identical and diff cleanly (as the calendar JSON).
import type { NormalisedContact, NormalisedItem, NormalisedTask } from '../../../shared/item-model.js';
import { pick } from '../formats/json.js';
import type { ItemEncoder } from './types.js';

export const CONTACT_KEYS = [
  'kind',
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
  'phones',
  'addresses',
  'birthday',
  'categories',
  'notes',
  'lastModified',
] as const satisfies readonly (keyof NormalisedContact)[];
export const TASK_KEYS = [
  'kind',
  'id',
  'subject',
  'status',
  'importance',
  'startDate',
  'dueDate',
  'completedDate',
  'categories',
  'body',
  'lastModified',
] as const satisfies readonly (keyof NormalisedTask)[];
const EMAIL_KEYS = ['address', 'name'] as const;
const PHONE_KEYS = ['type', 'number'] as const;
const ADDRESS_KEYS = ['type', 'street', 'city', 'state', 'postalCode', 'countryOrRegion'] as const;

/** The item with a fixed key order and no undefined fields (also what its hash is taken of). */
export function orderedItem(i: NormalisedItem): Record<string, unknown> {
  if (i.kind === 'task') return pick(i, TASK_KEYS);
  const out = pick(i, CONTACT_KEYS);
  out.emails = i.emails.map((e) => pick(e, EMAIL_KEYS));
  out.phones = i.phones.map((p) => pick(p, PHONE_KEYS));
  out.addresses = i.addresses.map((a) => pick(a, ADDRESS_KEYS));
  return out;
}

export function createItemJsonEncoder(): ItemEncoder {
  let first = true;
  return {
    extension: 'json',
    mediaType: 'application/json',
    begin: () => '[',
    item(i) {
      const sep = first ? '\n' : ',\n';
      first = false;
      return sep + JSON.stringify(orderedItem(i));
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}
