// The canonical Contacts and Tasks folders of every seeded user mailbox: one of each shape an exporter must get
// right (several addresses and phones, no company, umlauts and commas, a birthday; tasks with and without dates,
// completed, high importance, a body). Task dates hang off the anchor week, in the mailbox's language.
import type { SimContact, SimMailbox, SimTask } from './types.js';
import { changeKey } from './ids.js';
import { addDays } from './tz.js';

export interface ItemSeedContext {
  anchor: string;
  mailbox: SimMailbox;
  folder(key: string): string;
  nextId(): string;
  /** When the seed items were created and last changed (the anchor Monday, 06:00Z). */
  at: string;
  add(item: SimContact | SimTask): void;
}

type ContactSeed = Omit<SimContact, 'kind' | 'id' | 'changeKey' | 'mailbox' | 'folderId' | 'created' | 'lastModified'>;
type TaskSeed = Omit<SimTask, 'kind' | 'id' | 'changeKey' | 'mailbox' | 'folderId' | 'created' | 'lastModified'>;

const none = { middleName: '', nickname: '', department: '', notes: '' };

const CONTACTS: ContactSeed[] = [
  {
    ...none,
    displayName: 'Jürgen Weiß',
    givenName: 'Jürgen',
    surname: 'Weiß',
    companyName: 'Müller & Söhne GmbH',
    jobTitle: 'Einkaufsleiter',
    department: 'Einkauf',
    emails: [
      { address: 'j.weiss@mueller-soehne.example', name: 'Jürgen Weiß' },
      { address: 'juergen.weiss@private.example', name: 'Jürgen Weiß (privat)' },
    ],
    phones: [
      { type: 'business', number: '+49 30 1234567' },
      { type: 'business', number: '+49 30 1234568' },
      { type: 'mobile', number: '+49 171 9876543' },
    ],
    addresses: [
      { type: 'business', street: 'Hauptstraße 5', city: 'Berlin', state: 'Berlin', postalCode: '10115', countryOrRegion: 'Deutschland' },
      { type: 'home', street: 'Gartenweg 12a', city: 'Potsdam', state: 'Brandenburg', postalCode: '14467', countryOrRegion: 'Deutschland' },
    ],
    birthday: '1975-04-30',
    categories: ['Customer', 'VIP'],
    notes: 'Prefers calls before 10:00.\nKey account since 2019.',
  },
  {
    ...none,
    displayName: 'Sophie de Jong',
    givenName: 'Sophie',
    middleName: 'M.',
    surname: 'de Jong',
    nickname: 'Fie',
    companyName: 'Fabrikam, Inc.',
    jobTitle: 'Account manager, "Benelux"',
    emails: [{ address: 'sophie.dejong@fabrikam.example', name: 'Sophie de Jong' }],
    phones: [
      { type: 'business', number: '+31 20 555 0101' },
      { type: 'home', number: '+31 20 555 0199' },
    ],
    addresses: [
      { type: 'other', street: 'Keizersgracht 1', city: 'Amsterdam', state: '', postalCode: '1015 CJ', countryOrRegion: 'Nederland' },
    ],
    categories: [],
  },
  {
    ...none,
    displayName: 'Plumber (emergency)',
    givenName: '',
    surname: '',
    companyName: '',
    jobTitle: '',
    emails: [],
    phones: [{ type: 'mobile', number: '+44 7700 900123' }],
    addresses: [],
    categories: ['Service'],
  },
];

function tasksFor(anchor: string): TaskSeed[] {
  const day = (n: number) => addDays(anchor, n);
  return [
    {
      subject: 'Prepare quarterly report',
      body: 'Numbers from finance; draft by Wednesday.',
      status: 'inProgress',
      importance: 'High',
      startDate: day(0),
      dueDate: day(3),
      categories: ['Finance'],
    },
    { subject: 'Renew parking permit', body: '', status: 'notStarted', importance: 'Normal', dueDate: day(10), categories: [] },
    {
      subject: 'Send signed contract',
      body: '',
      status: 'completed',
      importance: 'Normal',
      startDate: day(-5),
      dueDate: day(-2),
      completedDate: day(-3),
      categories: ['Legal', 'Customer'],
    },
    { subject: 'Ideas for the team offsite', body: 'Boat trip?', status: 'deferred', importance: 'Low', categories: [] },
    {
      subject: 'Waiting for quote from Fabrikam',
      body: '',
      status: 'waitingOnOthers',
      importance: 'Normal',
      dueDate: day(7),
      categories: [],
    },
  ];
}

export function seedItems(ctx: ItemSeedContext): void {
  const base = (folderKey: string) => {
    const id = ctx.nextId();
    return {
      id,
      changeKey: changeKey(id, 1),
      mailbox: ctx.mailbox.smtp,
      folderId: ctx.folder(folderKey),
      created: ctx.at,
      lastModified: ctx.at,
    };
  };
  for (const c of CONTACTS) ctx.add({ kind: 'contact', ...base('contacts'), ...structuredClone(c) });
  for (const t of tasksFor(ctx.anchor)) ctx.add({ kind: 'task', ...base('tasks'), ...t });
}
