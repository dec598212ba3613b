import { L, type CatalogueEntry } from './types.js';

export const exportEntries = {
  'export.writeFailed': {
    title: L('Writing the export failed', 'Schreiben des Exports fehlgeschlagen', 'Schrijven van de export mislukt'),
    meaning: L('Could not write {file}: {reason}. Files exported earlier are unchanged.', '{file} konnte nicht geschrieben werden: {reason}. Früher exportierte Dateien sind unverändert.', 'Kon {file} niet schrijven: {reason}. Eerder geëxporteerde bestanden zijn ongewijzigd.'),
    fix: L('Check that the target folder exists, is writable by this account, and has free space.', 'Prüfen Sie, dass der Zielordner existiert, für dieses Konto beschreibbar ist und freien Platz hat.', 'Controleer of de doelmap bestaat, schrijfbaar is voor dit account en vrije ruimte heeft.'),
  },
} satisfies Record<string, CatalogueEntry>;
