// Write direction (import jobs, two-way rules), free/busy export and presence: what can go wrong when Calpump
// writes appointments or reads a source file, in the three catalogue languages.
import { L, type CatalogueEntry } from './types.js';

export const writeEntries = {
  'write.conflict': {
    title: L('The item changed while Calpump was writing it', 'Das Element wurde geändert, während Calpump es schrieb', 'Het item is gewijzigd terwijl Calpump het schreef'),
    meaning: L(
      'The item {item} in {mailbox} was changed by someone else since it was read (its change key no longer matches); Calpump did not overwrite it.',
      'Das Element {item} in {mailbox} wurde seit dem Lesen von jemand anderem geändert (der Änderungsschlüssel passt nicht mehr); Calpump hat es nicht überschrieben.',
      'Het item {item} in {mailbox} is sinds het lezen door iemand anders gewijzigd (de wijzigingssleutel klopt niet meer); Calpump heeft het niet overschreven.',
    ),
    fix: L('Nothing to do: the next run reads the item again and decides by the rule\'s master side.', 'Nichts zu tun: der nächste Lauf liest das Element erneut und entscheidet nach der Master-Seite der Regel.', 'Niets te doen: de volgende run leest het item opnieuw en beslist volgens de masterzijde van de regel.'),
  },
  'write.refused': {
    title: L('Exchange refused to write an appointment', 'Exchange hat das Schreiben eines Termins abgelehnt', 'Exchange weigerde een afspraak te schrijven'),
    meaning: L('Writing {item} to {mailbox} failed: {reason}', 'Das Schreiben von {item} nach {mailbox} ist fehlgeschlagen: {reason}', 'Het schrijven van {item} naar {mailbox} is mislukt: {reason}'),
    causes: [
      L('The account may read but not write the calendar (delegate needs Editor; Graph needs Calendars.ReadWrite).', 'Das Konto darf den Kalender lesen, aber nicht schreiben (Stellvertreter brauchen Bearbeiter-Rechte; Graph braucht Calendars.ReadWrite).', 'Het account mag de agenda lezen maar niet schrijven (gedelegeerde heeft Editor nodig; Graph heeft Calendars.ReadWrite nodig).'),
      L('The row has values Exchange does not accept (end before start, unknown time zone).', 'Die Zeile enthält Werte, die Exchange nicht annimmt (Ende vor Beginn, unbekannte Zeitzone).', 'De rij bevat waarden die Exchange niet accepteert (einde voor begin, onbekende tijdzone).'),
    ],
    fix: L(
      'Grant write access (Editor on the calendar, ApplicationImpersonation, or the Calendars.ReadWrite application permission) and run the job again; other rows were written.',
      'Vergeben Sie Schreibrechte (Bearbeiter auf den Kalender, ApplicationImpersonation oder die Anwendungsberechtigung Calendars.ReadWrite) und starten Sie den Auftrag erneut; die übrigen Zeilen wurden geschrieben.',
      'Geef schrijfrechten (Editor op de agenda, ApplicationImpersonation of de toepassingsmachtiging Calendars.ReadWrite) en voer de taak opnieuw uit; de andere rijen zijn geschreven.',
    ),
  },
  'import.source.unreadable': {
    title: L('The import source cannot be read', 'Die Importquelle kann nicht gelesen werden', 'De importbron kan niet worden gelezen'),
    meaning: L('{source}: {reason}. Nothing was written or deleted.', '{source}: {reason}. Es wurde nichts geschrieben oder gelöscht.', '{source}: {reason}. Er is niets geschreven of verwijderd.'),
    fix: L('Check the path or URL and that this account may read it, then run the import again.', 'Prüfen Sie Pfad oder URL und ob dieses Konto sie lesen darf, und starten Sie den Import erneut.', 'Controleer het pad of de URL en of dit account het mag lezen, en voer de import opnieuw uit.'),
  },
  'import.source.empty': {
    title: L('The import source is empty', 'Die Importquelle ist leer', 'De importbron is leeg'),
    meaning: L(
      '{source} holds no rows, but {count} appointments from earlier runs exist. Calpump does not delete them all on an empty source.',
      '{source} enthält keine Zeilen, aber {count} Termine aus früheren Läufen existieren. Bei einer leeren Quelle löscht Calpump nicht alle.',
      '{source} bevat geen rijen, maar er bestaan {count} afspraken uit eerdere runs. Bij een lege bron verwijdert Calpump ze niet allemaal.',
    ),
    fix: L(
      'If the source is meant to be empty, run once with --allow-empty (or "allowEmptySource": true in the job) to remove them.',
      'Soll die Quelle leer sein, starten Sie einmal mit --allow-empty (oder "allowEmptySource": true im Auftrag), um sie zu entfernen.',
      'Als de bron leeg hoort te zijn, voer dan eenmaal uit met --allow-empty (of "allowEmptySource": true in de taak) om ze te verwijderen.',
    ),
  },
  'import.row.invalid': {
    title: L('A source row was skipped', 'Eine Quellzeile wurde übersprungen', 'Een bronrij is overgeslagen'),
    meaning: L('{file} line {line}: {problem}', '{file} Zeile {line}: {problem}', '{file} regel {line}: {problem}'),
    fix: L('Correct the row in the source; the other rows were imported, and an item from an earlier run for this row is kept.', 'Korrigieren Sie die Zeile in der Quelle; die übrigen Zeilen wurden importiert, und ein Element dieser Zeile aus einem früheren Lauf bleibt erhalten.', 'Corrigeer de rij in de bron; de andere rijen zijn geïmporteerd, en een item van deze rij uit een eerdere run blijft behouden.'),
  },
  'twoway.state.invalid': {
    title: L('The two-way state file is unreadable', 'Die Zwei-Wege-Statusdatei ist nicht lesbar', 'Het tweerichtingsstatusbestand is onleesbaar'),
    meaning: L('{file}: {problem}', '{file}: {problem}', '{file}: {problem}'),
    fix: L(
      'Move the file away; the next run pairs items again by their Calpump tags (no duplicates), but changes made on both sides since the last run are treated as new.',
      'Verschieben Sie die Datei; der nächste Lauf ordnet die Elemente über ihre Calpump-Markierung neu zu (keine Duplikate), Änderungen auf beiden Seiten seit dem letzten Lauf gelten aber als neu.',
      'Verplaats het bestand; de volgende run koppelt de items opnieuw via hun Calpump-label (geen duplicaten), maar wijzigingen aan beide kanten sinds de vorige run gelden als nieuw.',
    ),
  },
  'freebusy.notSupported': {
    title: L('Free/busy is not available for this profile', 'Frei/Gebucht ist für dieses Profil nicht verfügbar', 'Beschikbaarheid is niet beschikbaar voor dit profiel'),
    meaning: L('The {backend} connection of profile {profile} cannot read free/busy information.', 'Die {backend}-Verbindung von Profil {profile} kann keine Frei/Gebucht-Informationen lesen.', 'De {backend}-verbinding van profiel {profile} kan geen beschikbaarheidsinformatie lezen.'),
    fix: L('Use an EWS profile (GetUserAvailability) or a Microsoft Graph profile (getSchedule).', 'Verwenden Sie ein EWS-Profil (GetUserAvailability) oder ein Microsoft-Graph-Profil (getSchedule).', 'Gebruik een EWS-profiel (GetUserAvailability) of een Microsoft Graph-profiel (getSchedule).'),
  },
  'presence.rules.invalid': {
    title: L('The presence rule table is invalid', 'Die Anwesenheitsregeltabelle ist ungültig', 'De aanwezigheidsregeltabel is ongeldig'),
    meaning: L('{file}: {field} — {problem}', '{file}: {field} — {problem}', '{file}: {field} — {problem}'),
    fix: L(
      'Correct the rule named above; `calpump presence --print-default-rules` prints a valid table to start from.',
      'Korrigieren Sie die genannte Regel; `calpump presence --print-default-rules` gibt eine gültige Tabelle als Ausgangspunkt aus.',
      'Corrigeer de genoemde regel; `calpump presence --print-default-rules` toont een geldige tabel om mee te beginnen.',
    ),
  },
  'presence.rules.notFound': {
    title: L('No presence rule table with this name', 'Keine Anwesenheitsregeltabelle mit diesem Namen', 'Geen aanwezigheidsregeltabel met deze naam'),
    meaning: L('There is no saved rule table "{name}". Saved tables: {known}.', 'Es gibt keine gespeicherte Regeltabelle "{name}". Gespeicherte Tabellen: {known}.', 'Er is geen opgeslagen regeltabel "{name}". Opgeslagen tabellen: {known}.'),
    fix: L(
      'Use one of the saved tables (`default` always exists), or save a table under this name in the Presence screen first.',
      'Verwenden Sie eine der gespeicherten Tabellen (`default` gibt es immer), oder speichern Sie zuerst im Bildschirm Anwesenheit eine Tabelle unter diesem Namen.',
      'Gebruik een van de opgeslagen tabellen (`default` bestaat altijd), of sla eerst in het scherm Aanwezigheid een tabel onder deze naam op.',
    ),
  },
  'twoway.rule.notFound': {
    title: L('No two-way rule with this id', 'Keine Zwei-Wege-Regel mit dieser ID', 'Geen tweerichtingsregel met deze id'),
    meaning: L('There is no saved two-way rule "{id}". Saved rules: {known}.', 'Es gibt keine gespeicherte Zwei-Wege-Regel "{id}". Gespeicherte Regeln: {known}.', 'Er is geen opgeslagen tweerichtingsregel "{id}". Opgeslagen regels: {known}.'),
    fix: L('Save the rule in the Two-way screen first, or give it as a file with --rule.', 'Speichern Sie die Regel zuerst im Bildschirm Zwei-Wege, oder geben Sie sie als Datei mit --rule an.', 'Sla de regel eerst op in het scherm Tweerichting, of geef haar als bestand met --rule.'),
  },
} satisfies Record<string, CatalogueEntry>;
