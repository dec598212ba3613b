import { L, type CatalogueEntry } from './types.js';

export const exportEntries = {
  'export.writeFailed': {
    title: L('Writing the export failed', 'Schreiben des Exports fehlgeschlagen', 'Schrijven van de export mislukt'),
    meaning: L('Could not write {file}: {reason}. Files exported earlier are unchanged.', '{file} konnte nicht geschrieben werden: {reason}. Früher exportierte Dateien sind unverändert.', 'Kon {file} niet schrijven: {reason}. Eerder geëxporteerde bestanden zijn ongewijzigd.'),
    fix: L('Check that the target folder exists, is writable by this account, and has free space.', 'Prüfen Sie, dass der Zielordner existiert, für dieses Konto beschreibbar ist und freien Platz hat.', 'Controleer of de doelmap bestaat, schrijfbaar is voor dit account en vrije ruimte heeft.'),
  },
  'export.webhook.rejected': {
    title: L('The webhook refused the delivery', 'Der Webhook hat die Lieferung abgelehnt', 'De webhook weigerde de levering'),
    meaning: L(
      '{url} answered HTTP {status} to a batch of changes; Calpump does not retry this answer. Nothing was marked as delivered.',
      '{url} antwortete HTTP {status} auf ein Paket von Änderungen; Calpump wiederholt bei dieser Antwort nicht. Nichts wurde als geliefert markiert.',
      '{url} antwoordde HTTP {status} op een pakket wijzigingen; Calpump probeert het bij dit antwoord niet opnieuw. Niets is als geleverd gemarkeerd.',
    ),
    fix: L(
      '401/403: the receiver must check X-Calpump-Signature with the same secret (set it with `calpump jobs add … --webhook-secret-stdin`); 404: check the URL; 400/422: the receiver rejects the JSON batch format documented in README "Pump".',
      '401/403: Der Empfänger muss X-Calpump-Signature mit demselben Geheimnis prüfen (setzen mit `calpump jobs add … --webhook-secret-stdin`); 404: URL prüfen; 400/422: Der Empfänger lehnt das in README "Pump" beschriebene JSON-Format ab.',
      '401/403: de ontvanger moet X-Calpump-Signature met hetzelfde geheim controleren (instellen met `calpump jobs add … --webhook-secret-stdin`); 404: controleer de URL; 400/422: de ontvanger weigert het JSON-formaat uit README "Pump".',
    ),
  },
  'export.webhook.unreachable': {
    title: L('The webhook could not be reached', 'Der Webhook war nicht erreichbar', 'De webhook was niet bereikbaar'),
    meaning: L(
      'Delivering to {url} failed after {attempts} attempts: {reason}. The changes will be sent again on the next run.',
      'Die Lieferung an {url} scheiterte nach {attempts} Versuchen: {reason}. Die Änderungen werden beim nächsten Lauf erneut gesendet.',
      'Leveren aan {url} mislukte na {attempts} pogingen: {reason}. De wijzigingen worden bij de volgende run opnieuw verzonden.',
    ),
    fix: L(
      'Check that the receiver is running and reachable from this machine; it must deduplicate by the Idempotency-Key header, because a batch may arrive twice.',
      'Prüfen Sie, dass der Empfänger läuft und von diesem Rechner erreichbar ist; er muss anhand des Headers Idempotency-Key entdoppeln, da ein Paket zweimal ankommen kann.',
      'Controleer of de ontvanger draait en vanaf deze machine bereikbaar is; hij moet ontdubbelen op de header Idempotency-Key, want een pakket kan twee keer aankomen.',
    ),
  },
  'export.webhook.secretMissing': {
    title: L('The webhook secret is missing', 'Das Webhook-Geheimnis fehlt', 'Het webhookgeheim ontbreekt'),
    meaning: L('Job {job} sends to a webhook but no signing secret is stored for it.', 'Job {job} sendet an einen Webhook, aber für ihn ist kein Signaturgeheimnis gespeichert.', 'Taak {job} verstuurt naar een webhook maar er is geen ondertekeningsgeheim voor opgeslagen.'),
    fix: L(
      'Store one: `calpump jobs add {job} … --webhook-secret-stdin` (re-adding the job keeps nothing else), and configure the same secret in the receiver.',
      'Speichern Sie eines: `calpump jobs add {job} … --webhook-secret-stdin` und hinterlegen Sie dasselbe Geheimnis beim Empfänger.',
      'Sla er een op: `calpump jobs add {job} … --webhook-secret-stdin` en stel hetzelfde geheim in bij de ontvanger.',
    ),
  },
  'export.sqlite.failed': {
    title: L('Writing the SQLite database failed', 'Schreiben der SQLite-Datenbank fehlgeschlagen', 'Schrijven van de SQLite-database mislukt'),
    meaning: L('{file}: {reason}. The last committed state is unchanged.', '{file}: {reason}. Der zuletzt bestätigte Stand ist unverändert.', '{file}: {reason}. De laatst vastgelegde stand is ongewijzigd.'),
    fix: L(
      'Check that the folder is writable and has free space, and that no other program holds a write lock on the database for long (readers are fine: the file uses WAL).',
      'Prüfen Sie, dass der Ordner beschreibbar ist und freien Platz hat und dass kein anderes Programm lange eine Schreibsperre hält (Leser stören nicht: die Datei nutzt WAL).',
      'Controleer of de map schrijfbaar is en vrije ruimte heeft, en dat geen ander programma lang een schrijfvergrendeling houdt (lezers storen niet: het bestand gebruikt WAL).',
    ),
  },
  'pump.jobNotFound': {
    title: L('No such job', 'Job nicht vorhanden', 'Taak bestaat niet'),
    meaning: L('There is no job named {job}.', 'Es gibt keinen Job namens {job}.', 'Er is geen taak met de naam {job}.'),
    fix: L('List the jobs with `calpump jobs list`, or add one with `calpump jobs add`.', 'Listen Sie die Jobs mit `calpump jobs list` auf oder legen Sie einen mit `calpump jobs add` an.', 'Toon de taken met `calpump jobs list` of voeg er een toe met `calpump jobs add`.'),
  },
  'pump.jobRunning': {
    title: L('The job is already running', 'Der Job läuft bereits', 'De taak loopt al'),
    meaning: L('Job {job} is running now; a job never runs twice at the same time.', 'Job {job} läuft gerade; ein Job läuft nie zweimal gleichzeitig.', 'Taak {job} loopt nu; een taak loopt nooit twee keer tegelijk.'),
    fix: L('Wait for the current run to finish (see its progress), then start it again.', 'Warten Sie, bis der aktuelle Lauf endet (siehe Fortschritt), und starten Sie ihn dann erneut.', 'Wacht tot de huidige run klaar is (zie de voortgang) en start hem dan opnieuw.'),
  },
  'pump.cancelled': {
    title: L('The run was cancelled', 'Der Lauf wurde abgebrochen', 'De run is geannuleerd'),
    meaning: L('Job {job} was cancelled before {mailbox} was done; its earlier output and state are unchanged.', 'Job {job} wurde abgebrochen, bevor {mailbox} fertig war; dessen bisherige Ausgabe und Zustand sind unverändert.', 'Taak {job} is geannuleerd voordat {mailbox} klaar was; de eerdere uitvoer en status zijn ongewijzigd.'),
    fix: L('Run the job again; it continues where the output left off.', 'Starten Sie den Job erneut; er setzt beim letzten Stand fort.', 'Start de taak opnieuw; hij gaat verder waar de uitvoer gebleven was.'),
  },
  'pump.noMailboxes': {
    title: L('The job selects no mailboxes', 'Der Job wählt keine Postfächer aus', 'De taak selecteert geen postvakken'),
    meaning: L('Job {job}: the mailbox selection ({selection}) matched no mailbox.', 'Job {job}: die Postfachauswahl ({selection}) traf kein Postfach.', 'Taak {job}: de postvakselectie ({selection}) vond geen postvak.'),
    fix: L(
      'Check the search text or list with `calpump mailboxes --profile P --search TEXT`; for rooms, the account needs to see the room list in the address book.',
      'Prüfen Sie Suchtext oder Liste mit `calpump mailboxes --profile P --search TEXT`; für Räume muss das Konto die Raumliste im Adressbuch sehen.',
      'Controleer de zoektekst of lijst met `calpump mailboxes --profile P --search TEXT`; voor ruimtes moet het account de ruimtelijst in het adresboek zien.',
    ),
  },
} satisfies Record<string, CatalogueEntry>;
