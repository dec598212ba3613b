// Per-mailbox folder tree with the display names a localised Outlook/OWA would have created.
// Clients must address folders by distinguished id, never by these names; the sim makes that visible.
import type { MailboxLanguage, PermissionLevel, SimFolder } from './types.js';
import { changeKey, folderId } from './ids.js';

type Key =
  | 'root'
  | 'msgfolderroot'
  | 'inbox'
  | 'calendar'
  | 'contacts'
  | 'tasks'
  | 'sentitems'
  | 'deleteditems'
  | 'drafts'
  | 'notes'
  | 'calendar/holidays'
  | 'calendar/projects'
  | 'calendar/projects/archive'
  | 'system/commonviews'
  | 'system/finder'
  | 'system/schedule'
  | 'recoverableitemsroot';

/** Non-IPM folders under the mailbox root; never localised, marked hidden (PR_ATTR_HIDDEN). */
const SYSTEM_NAMES = {
  'system/commonviews': 'Common Views',
  'system/finder': 'Finder',
  'system/schedule': 'Schedule',
  recoverableitemsroot: 'Recoverable Items',
} as const;

const NAMES: Record<MailboxLanguage, Record<Exclude<Key, keyof typeof SYSTEM_NAMES>, string>> = {
  en: {
    root: '',
    msgfolderroot: 'Top of Information Store',
    inbox: 'Inbox',
    calendar: 'Calendar',
    contacts: 'Contacts',
    tasks: 'Tasks',
    sentitems: 'Sent Items',
    deleteditems: 'Deleted Items',
    drafts: 'Drafts',
    notes: 'Notes',
    'calendar/holidays': 'Holidays',
    'calendar/projects': 'Projects',
    'calendar/projects/archive': 'Archive',
  },
  de: {
    root: '',
    msgfolderroot: 'Oberste Ebene des Informationsspeichers',
    inbox: 'Posteingang',
    calendar: 'Kalender',
    contacts: 'Kontakte',
    tasks: 'Aufgaben',
    sentitems: 'Gesendete Elemente',
    deleteditems: 'Gelöschte Elemente',
    drafts: 'Entwürfe',
    notes: 'Notizen',
    'calendar/holidays': 'Feiertage',
    'calendar/projects': 'Projekte',
    'calendar/projects/archive': 'Archiv',
  },
  nl: {
    root: '',
    msgfolderroot: 'Bovenste map van gegevensarchief',
    inbox: 'Postvak IN',
    calendar: 'Agenda',
    contacts: 'Contactpersonen',
    tasks: 'Taken',
    sentitems: 'Verzonden items',
    deleteditems: 'Verwijderde items',
    drafts: 'Concepten',
    notes: 'Notities',
    'calendar/holidays': 'Feestdagen',
    'calendar/projects': 'Projecten',
    'calendar/projects/archive': 'Archief',
  },
};

const CLASSES: Record<Key, string> = {
  root: '',
  msgfolderroot: '',
  inbox: 'IPF.Note',
  calendar: 'IPF.Appointment',
  contacts: 'IPF.Contact',
  tasks: 'IPF.Task',
  sentitems: 'IPF.Note',
  deleteditems: 'IPF.Note',
  drafts: 'IPF.Note',
  notes: 'IPF.StickyNote',
  'calendar/holidays': 'IPF.Appointment',
  'calendar/projects': 'IPF.Appointment',
  'calendar/projects/archive': 'IPF.Appointment',
  'system/commonviews': '',
  'system/finder': '',
  'system/schedule': '',
  recoverableitemsroot: '',
};

const PARENT: Record<Key, Key | undefined> = {
  root: undefined,
  msgfolderroot: 'root',
  inbox: 'msgfolderroot',
  calendar: 'msgfolderroot',
  contacts: 'msgfolderroot',
  tasks: 'msgfolderroot',
  sentitems: 'msgfolderroot',
  deleteditems: 'msgfolderroot',
  drafts: 'msgfolderroot',
  notes: 'msgfolderroot',
  'calendar/holidays': 'calendar',
  'calendar/projects': 'calendar',
  'calendar/projects/archive': 'calendar/projects',
  'system/commonviews': 'root',
  'system/finder': 'root',
  'system/schedule': 'root',
  recoverableitemsroot: 'root',
};

/** Keys that are EWS DistinguishedFolderId names. */
const DISTINGUISHED = new Set<Key>([
  'root',
  'msgfolderroot',
  'inbox',
  'calendar',
  'contacts',
  'tasks',
  'sentitems',
  'deleteditems',
  'drafts',
  'notes',
  'recoverableitemsroot',
]);

export const FOLDER_KEYS = Object.keys(PARENT) as Key[];

export function buildFolders(smtp: string, language: MailboxLanguage, isResource: boolean): SimFolder[] {
  const keys = isResource ? FOLDER_KEYS.filter((k) => !k.startsWith('calendar/')) : FOLDER_KEYS;
  return keys.map((key) => {
    const id = folderId(smtp, key);
    const parent = PARENT[key];
    // Calendars show free/busy to everyone by default (Exchange's "Default: AvailabilityOnly").
    const defaultRole: PermissionLevel = key === 'calendar' ? 'FreeBusyTimeOnly' : 'None';
    return {
      id,
      changeKey: changeKey(id, 1),
      mailbox: smtp,
      parentId: parent ? folderId(smtp, parent) : undefined,
      distinguishedId: DISTINGUISHED.has(key) ? key : undefined,
      displayName:
        key in SYSTEM_NAMES ? SYSTEM_NAMES[key as keyof typeof SYSTEM_NAMES] : NAMES[language][key as keyof (typeof NAMES)['en']],
      folderClass: CLASSES[key],
      permissions: { default: defaultRole, anonymous: 'None' },
      changes: [],
      hidden: key in SYSTEM_NAMES || undefined,
    };
  });
}

export function folderKeyId(smtp: string, key: string): string {
  return folderId(smtp, key);
}
