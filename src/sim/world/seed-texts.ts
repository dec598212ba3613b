// Localised subjects for the canonical seed events, so exports show real-world German/Dutch data.
import type { MailboxLanguage } from './types.js';

export interface SeedTexts {
  review: string;
  team: string;
  teamMoved: string;
  standup: string;
  standupRemote: string;
  sprint: string;
  vacation: string;
  offsite: string;
  doctor: string;
  cancelled: string;
  nyCall: string;
  maintenance: string;
  monthly: string;
  newYear: string;
  companyHoliday: string;
  archived: string;
  birthday: string;
  project: string;
  meetingRoom: string;
  volume: string[];
}

export const SEED_TEXTS: Record<MailboxLanguage, SeedTexts> = {
  en: {
    review: 'Project review',
    team: 'Team meeting',
    teamMoved: 'Team meeting (moved)',
    standup: 'Daily standup',
    standupRemote: 'Daily standup (remote)',
    sprint: 'Sprint review',
    vacation: 'Vacation',
    offsite: 'Offsite day',
    doctor: 'Doctor appointment',
    cancelled: 'Canceled: Budget round',
    nyCall: 'Call with New York office',
    maintenance: 'Server maintenance',
    monthly: 'Monthly report',
    newYear: "New Year's Day",
    companyHoliday: 'Company holiday',
    archived: 'Kick-off (archived)',
    birthday: 'Birthday party',
    project: 'Project',
    meetingRoom: 'Meeting room 1',
    volume: ['Customer call', 'Lunch', '1:1', 'Planning', 'Interview', 'Workshop', 'Training', 'Demo'],
  },
  de: {
    review: 'Projektbesprechung',
    team: 'Wöchentliches Team-Meeting',
    teamMoved: 'Team-Meeting (verschoben)',
    standup: 'Daily Stand-up',
    standupRemote: 'Daily Stand-up (remote)',
    sprint: 'Sprint-Review',
    vacation: 'Urlaub',
    offsite: 'Betriebsausflug',
    doctor: 'Arzttermin',
    cancelled: 'Abgesagt: Budgetrunde',
    nyCall: 'Telefonat mit dem Büro New York',
    maintenance: 'Serverwartung',
    monthly: 'Monatsbericht',
    newYear: 'Neujahr',
    companyHoliday: 'Betriebsferien',
    archived: 'Projektstart (archiviert)',
    birthday: 'Geburtstagsfeier',
    project: 'Projekt',
    meetingRoom: 'Besprechungsraum Spree',
    volume: ['Kundentermin', 'Mittagessen', 'Einzelgespräch', 'Planung', 'Vorstellungsgespräch', 'Workshop', 'Schulung', 'Vorführung'],
  },
  nl: {
    review: 'Projectoverleg',
    team: 'Wekelijks teamoverleg',
    teamMoved: 'Teamoverleg (verplaatst)',
    standup: 'Dagelijkse stand-up',
    standupRemote: 'Dagelijkse stand-up (op afstand)',
    sprint: 'Sprintreview',
    vacation: 'Vakantie',
    offsite: 'Heidag',
    doctor: 'Afspraak huisarts',
    cancelled: 'Geannuleerd: Budgetronde',
    nyCall: 'Gesprek met kantoor New York',
    maintenance: 'Serveronderhoud',
    monthly: 'Maandrapportage',
    newYear: 'Nieuwjaarsdag',
    companyHoliday: 'Collectieve vrije dag',
    archived: 'Aftrap (gearchiveerd)',
    birthday: 'Verjaardagsfeest',
    project: 'Project',
    meetingRoom: 'Vergaderruimte Herengracht',
    volume: ['Klantgesprek', 'Lunch', 'Eén-op-één', 'Planning', 'Sollicitatiegesprek', 'Workshop', 'Training', 'Demo'],
  },
};
