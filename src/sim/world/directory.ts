// The documented seed directory (src/sim/README.md lists it): accounts, mailboxes, rooms and room lists.
// Everything here is fixed; only generated scale mailboxes (user0001…) and event volume depend on options.
import type { MailboxKind, MailboxLanguage, SimAccount, SimGroup, SimRoomList } from './types.js';

export const DOMAIN = 'contoso.com';
export const NETBIOS = 'CONTOSO';
export const DEFAULT_PASSWORD = 'Passw0rd!';
const SID_PREFIX = 'S-1-5-21-1004336348-1177238915-682003330-';
const LEGACY_DN_PREFIX = '/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=';

export interface SeedMailbox {
  smtp: string;
  upn: string;
  sam: string;
  displayName: string;
  kind: MailboxKind;
  language: MailboxLanguage;
  timeZone: string;
  /** Has an AD account that can log on (rooms and equipment are disabled accounts). */
  canLogon: boolean;
  canImpersonate?: boolean;
  department?: string;
  title?: string;
  office?: string;
  capacity?: number;
}

export const SEED_MAILBOXES: SeedMailbox[] = [
  {
    smtp: 'svc-calpump@contoso.com',
    upn: 'svc-calpump@contoso.com',
    sam: 'svc-calpump',
    displayName: 'Calpump Service',
    kind: 'user',
    language: 'en',
    timeZone: 'UTC',
    canLogon: true,
    canImpersonate: true,
    department: 'IT',
  },
  {
    smtp: 'svc-delegate@contoso.com',
    upn: 'svc-delegate@contoso.com',
    sam: 'svc-delegate',
    displayName: 'Calpump Delegate',
    kind: 'user',
    language: 'en',
    timeZone: 'UTC',
    canLogon: true,
    department: 'IT',
  },
  {
    smtp: 'alice.smith@contoso.com',
    upn: 'alice.smith@contoso.com',
    sam: 'alice.smith',
    displayName: 'Alice Smith',
    kind: 'user',
    language: 'en',
    timeZone: 'America/New_York',
    canLogon: true,
    department: 'Sales',
    title: 'Account Manager',
    office: 'New York',
  },
  {
    smtp: 'anna.schmidt@contoso.com',
    upn: 'anna.schmidt@contoso.com',
    sam: 'anna.schmidt',
    displayName: 'Anna Schmidt',
    kind: 'user',
    language: 'de',
    timeZone: 'Europe/Berlin',
    canLogon: true,
    department: 'Entwicklung',
    title: 'Projektleiterin',
    office: 'Berlin',
  },
  {
    smtp: 'jan.devries@contoso.com',
    upn: 'jan.devries@contoso.com',
    sam: 'jan.devries',
    displayName: 'Jan de Vries',
    kind: 'user',
    language: 'nl',
    timeZone: 'Europe/Amsterdam',
    canLogon: true,
    department: 'Support',
    title: 'Teamleider',
    office: 'Amsterdam',
  },
  {
    smtp: 'bob.jones@contoso.com',
    upn: 'b.jones@corp.contoso.local',
    sam: 'b.jones',
    displayName: 'Bob Jones',
    kind: 'user',
    language: 'en',
    timeZone: 'UTC',
    canLogon: true,
    department: 'Finance',
    title: 'Controller',
    office: 'London',
  },
  {
    smtp: 'carol.evans@contoso.com',
    upn: 'carol.evans@contoso.com',
    sam: 'carol.evans',
    displayName: 'Carol Evans',
    kind: 'user',
    language: 'en',
    timeZone: 'Europe/Amsterdam',
    canLogon: true,
    department: 'Board',
    title: 'Chief Executive Officer',
    office: 'Amsterdam',
  },
  {
    smtp: 'anna.schneider@contoso.com',
    upn: 'anna.schneider@contoso.com',
    sam: 'anna.schneider',
    displayName: 'Anna Schneider',
    kind: 'user',
    language: 'de',
    timeZone: 'Europe/Berlin',
    canLogon: true,
    department: 'Vertrieb',
    office: 'Berlin',
  },
  {
    smtp: 'room.amsterdam@contoso.com',
    upn: 'room.amsterdam@contoso.com',
    sam: 'room.amsterdam',
    displayName: 'Amsterdam Herengracht',
    kind: 'room',
    language: 'nl',
    timeZone: 'Europe/Amsterdam',
    canLogon: false,
    office: 'Amsterdam',
    capacity: 12,
  },
  {
    smtp: 'room.amsterdam.small@contoso.com',
    upn: 'room.amsterdam.small@contoso.com',
    sam: 'room.ams.small',
    displayName: 'Amsterdam Keizersgracht',
    kind: 'room',
    language: 'nl',
    timeZone: 'Europe/Amsterdam',
    canLogon: false,
    office: 'Amsterdam',
    capacity: 4,
  },
  {
    smtp: 'room.berlin@contoso.com',
    upn: 'room.berlin@contoso.com',
    sam: 'room.berlin',
    displayName: 'Berlin Spree',
    kind: 'room',
    language: 'de',
    timeZone: 'Europe/Berlin',
    canLogon: false,
    office: 'Berlin',
    capacity: 10,
  },
  {
    smtp: 'beamer.amsterdam@contoso.com',
    upn: 'beamer.amsterdam@contoso.com',
    sam: 'beamer.ams',
    displayName: 'Beamer Amsterdam',
    kind: 'equipment',
    language: 'nl',
    timeZone: 'Europe/Amsterdam',
    canLogon: false,
    office: 'Amsterdam',
  },
];

export const SEED_ROOM_LISTS: SimRoomList[] = [
  {
    smtp: 'roomlist.amsterdam@contoso.com',
    displayName: 'Amsterdam Rooms',
    rooms: ['room.amsterdam@contoso.com', 'room.amsterdam.small@contoso.com'],
  },
  { smtp: 'roomlist.berlin@contoso.com', displayName: 'Berlin Rooms', rooms: ['room.berlin@contoso.com'] },
];

/**
 * Groups: Sales nests EMEA Sales, which nests Sales back (a cycle, as AD allows) and holds a mail contact outside
 * the organisation; anna.schneider is in both (one export). Managers is a security group of one.
 */
export const SEED_GROUPS: SimGroup[] = [
  {
    smtp: 'sales@contoso.com',
    displayName: 'Sales',
    kind: 'distribution',
    members: ['alice.smith@contoso.com', 'anna.schneider@contoso.com', 'emea.sales@contoso.com'],
  },
  {
    smtp: 'emea.sales@contoso.com',
    displayName: 'EMEA Sales',
    kind: 'distribution',
    members: ['jan.devries@contoso.com', 'anna.schneider@contoso.com', 'partner@fabrikam.example', 'sales@contoso.com'],
  },
  { smtp: 'managers@contoso.com', displayName: 'Managers', kind: 'security', members: ['carol.evans@contoso.com'] },
];

/** Mail contacts (no mailbox in this organisation) that groups may hold. */
export const SEED_CONTACTS = [{ smtp: 'partner@fabrikam.example', displayName: 'Fabrikam Partner' }];

/** ApplicationImpersonation management scope: every mailbox except these (the board is out of scope). */
export const IMPERSONATION_EXCLUDED = ['carol.evans@contoso.com'];

/** Folder permissions granted on top of the defaults: [mailbox, folder key, principal, role]. */
export const SEED_FOLDER_GRANTS: Array<[string, string, string, 'Reviewer' | 'Editor']> = [
  ['alice.smith@contoso.com', 'msgfolderroot', 'svc-delegate@contoso.com', 'Reviewer'],
  ['alice.smith@contoso.com', 'calendar', 'svc-delegate@contoso.com', 'Reviewer'],
  ['alice.smith@contoso.com', 'calendar/holidays', 'svc-delegate@contoso.com', 'Reviewer'],
  ['anna.schmidt@contoso.com', 'msgfolderroot', 'svc-delegate@contoso.com', 'Reviewer'],
  ['anna.schmidt@contoso.com', 'calendar', 'svc-delegate@contoso.com', 'Reviewer'],
  ['room.amsterdam@contoso.com', 'calendar', 'svc-delegate@contoso.com', 'Reviewer'],
  ['bob.jones@contoso.com', 'calendar', 'svc-delegate@contoso.com', 'Editor'],
];

export function sidFor(index: number): string {
  return SID_PREFIX + String(1100 + index);
}

export function legacyDnFor(sam: string): string {
  return LEGACY_DN_PREFIX + sam.replace(/[^A-Za-z0-9.-]/g, '');
}

export function accountFor(m: SeedMailbox, index: number): SimAccount {
  return {
    upn: m.upn,
    samAccountName: m.sam,
    domain: NETBIOS,
    password: DEFAULT_PASSWORD,
    displayName: m.displayName,
    smtp: m.smtp,
    canImpersonate: m.canImpersonate ?? false,
    sid: sidFor(index),
    enabled: m.canLogon,
  };
}

const LANGS: MailboxLanguage[] = ['en', 'de', 'nl'];
const ZONES: Record<MailboxLanguage, string[]> = {
  en: ['UTC', 'America/New_York'],
  de: ['Europe/Berlin'],
  nl: ['Europe/Amsterdam'],
};

/** Scale mailboxes user0001@contoso.com …, languages and zones cycling so every mix appears. */
export function generatedMailbox(n: number): SeedMailbox {
  const num = String(n).padStart(4, '0');
  const language = LANGS[(n - 1) % LANGS.length];
  const zones = ZONES[language];
  return {
    smtp: `user${num}@contoso.com`,
    upn: `user${num}@contoso.com`,
    sam: `user${num}`,
    displayName: `Test User ${num}`,
    kind: 'user',
    language,
    timeZone: zones[Math.floor((n - 1) / LANGS.length) % zones.length],
    canLogon: true,
    department: 'Scale',
  };
}
