import { L, type CatalogueEntry } from './types.js';

export const configEntries = {
  'config.invalid': {
    title: L('The configuration file is invalid', 'Die Konfigurationsdatei ist ungültig', 'Het configuratiebestand is ongeldig'),
    meaning: L('{file}: {field} — {problem}', '{file}: {field} — {problem}', '{file}: {field} — {problem}'),
    fix: L(
      'Correct the field named above (a backup of the file as read is at {backup}), or edit the profile with `calpump profiles edit`.',
      'Korrigieren Sie das oben genannte Feld (eine Sicherung der gelesenen Datei liegt unter {backup}) oder bearbeiten Sie das Profil mit `calpump profiles edit`.',
      'Corrigeer het hierboven genoemde veld (een reservekopie van het gelezen bestand staat op {backup}), of bewerk het profiel met `calpump profiles edit`.',
    ),
  },
  'config.profileNotFound': {
    title: L('No such profile', 'Profil nicht vorhanden', 'Profiel bestaat niet'),
    meaning: L('There is no profile named {profile}.', 'Es gibt kein Profil namens {profile}.', 'Er is geen profiel met de naam {profile}.'),
    fix: L('List the profiles with `calpump profiles list`, or add one with `calpump profiles add`.', 'Listen Sie die Profile mit `calpump profiles list` auf oder legen Sie eines mit `calpump profiles add` an.', 'Toon de profielen met `calpump profiles list` of voeg er een toe met `calpump profiles add`.'),
  },
  'secrets.unreadable': {
    title: L('Stored secrets cannot be decrypted', 'Gespeicherte Geheimnisse lassen sich nicht entschlüsseln', 'Opgeslagen geheimen kunnen niet worden ontsleuteld'),
    meaning: L('The secret store {file} cannot be opened with the current key.', 'Der Geheimnisspeicher {file} lässt sich mit dem aktuellen Schlüssel nicht öffnen.', 'De geheimenopslag {file} kan met de huidige sleutel niet worden geopend.'),
    fix: L(
      'Use the same CALPUMP_SECRET_KEY (or key file secret.key) as when the secrets were stored. If that key is lost, start a new store with `calpump profiles edit <name> --reset-secrets --password-stdin` and enter the passwords again (the old store is kept as a backup).',
      'Verwenden Sie denselben CALPUMP_SECRET_KEY (bzw. dieselbe Schlüsseldatei secret.key) wie beim Speichern. Ist dieser Schlüssel verloren, beginnen Sie mit `calpump profiles edit <name> --reset-secrets --password-stdin` einen neuen Speicher und geben die Kennwörter neu ein (der alte Speicher bleibt als Sicherung).',
      'Gebruik dezelfde CALPUMP_SECRET_KEY (of sleutelbestand secret.key) als bij het opslaan. Is die sleutel kwijt, begin dan een nieuwe opslag met `calpump profiles edit <name> --reset-secrets --password-stdin` en voer de wachtwoorden opnieuw in (de oude opslag blijft als reservekopie).',
    ),
  },
  'secrets.keyInvalid': {
    title: L('CALPUMP_SECRET_KEY is too weak', 'CALPUMP_SECRET_KEY ist zu schwach', 'CALPUMP_SECRET_KEY is te zwak'),
    meaning: L(
      'CALPUMP_SECRET_KEY is neither a 32-byte key (64 hex digits or base64) nor a passphrase of at least {minimum} characters.',
      'CALPUMP_SECRET_KEY ist weder ein 32-Byte-Schlüssel (64 Hex-Ziffern oder Base64) noch eine Passphrase mit mindestens {minimum} Zeichen.',
      'CALPUMP_SECRET_KEY is geen 32-byte sleutel (64 hex-cijfers of base64) en geen wachtzin van minstens {minimum} tekens.',
    ),
    fix: L(
      'Generate a key with `node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"` and set CALPUMP_SECRET_KEY to it, or unset it to use the key file secret.key in the config folder.',
      'Erzeugen Sie einen Schlüssel mit `node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"` und setzen Sie CALPUMP_SECRET_KEY darauf, oder entfernen Sie die Variable, um die Schlüsseldatei secret.key im Konfigurationsordner zu verwenden.',
      'Maak een sleutel met `node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"` en zet CALPUMP_SECRET_KEY daarop, of verwijder de variabele om het sleutelbestand secret.key in de configuratiemap te gebruiken.',
    ),
  },
  'secrets.missing': {
    title: L('A secret is missing', 'Ein Geheimnis fehlt', 'Een geheim ontbreekt'),
    meaning: L('Profile {profile} has no stored {secret}.', 'Profil {profile} hat kein gespeichertes {secret}.', 'Profiel {profile} heeft geen opgeslagen {secret}.'),
    fix: L('Store it with `calpump profiles edit {profile} --password-stdin` (or the form in the app).', 'Speichern Sie es mit `calpump profiles edit {profile} --password-stdin` (oder im Formular der App).', 'Sla het op met `calpump profiles edit {profile} --password-stdin` (of via het formulier in de app).'),
  },
  'input.invalid': {
    title: L('Invalid input', 'Ungültige Eingabe', 'Ongeldige invoer'),
    meaning: L('{field}: {problem}', '{field}: {problem}', '{field}: {problem}'),
    fix: L('Correct the value and try again; `calpump help <command>` lists the options.', 'Korrigieren Sie den Wert und versuchen Sie es erneut; `calpump help <befehl>` listet die Optionen.', 'Corrigeer de waarde en probeer opnieuw; `calpump help <opdracht>` toont de opties.'),
  },
  'internal.unexpected': {
    title: L('Unexpected error', 'Unerwarteter Fehler', 'Onverwachte fout'),
    meaning: L('Calpump met an error it has no entry for: {text}', 'Calpump traf auf einen Fehler ohne Katalogeintrag: {text}', 'Calpump kwam een fout tegen zonder catalogusvermelding: {text}'),
    fix: L('Run again with --log-level debug and report the log (secrets are redacted).', 'Erneut mit --log-level debug ausführen und das Protokoll melden (Geheimnisse sind geschwärzt).', 'Voer opnieuw uit met --log-level debug en meld het logboek (geheimen zijn verwijderd).'),
  },
} satisfies Record<string, CatalogueEntry>;
