// Words the desktop host shows outside the renderer (tray menu, notifications), in the three UI languages.
export type DesktopLang = 'en' | 'de' | 'nl';

const TEXT = {
  'tray.open': ['Open Calpump', 'Calpump öffnen', 'Calpump openen'],
  'tray.syncNow': ['Sync now', 'Jetzt synchronisieren', 'Nu synchroniseren'],
  'tray.pause': ['Pause all jobs', 'Alle Aufträge anhalten', 'Alle taken pauzeren'],
  'tray.resume': ['Resume all jobs', 'Alle Aufträge fortsetzen', 'Alle taken hervatten'],
  'tray.lastSync': ['Last sync: {time}', 'Letzte Synchronisierung: {time}', 'Laatste synchronisatie: {time}'],
  'tray.neverSynced': ['Not synced yet', 'Noch nicht synchronisiert', 'Nog niet gesynchroniseerd'],
  'tray.quit': ['Quit', 'Beenden', 'Afsluiten'],
  'tray.updateReady': [
    'Restart to install update {version}',
    'Neu starten und Update {version} installieren',
    'Opnieuw starten en update {version} installeren',
  ],
  'tray.updateReadyTip': ['update {version} ready', 'Update {version} bereit', 'update {version} gereed'],
  'tray.state.idle': ['idle', 'bereit', 'gereed'],
  'tray.state.syncing': ['syncing', 'synchronisiert', 'bezig met synchroniseren'],
  'tray.state.error': ['a job failed', 'ein Auftrag ist fehlgeschlagen', 'een taak is mislukt'],
  'tray.state.paused': ['paused', 'angehalten', 'gepauzeerd'],
  'notify.failed.title': ['Job failed: {job}', 'Auftrag fehlgeschlagen: {job}', 'Taak mislukt: {job}'],
  'notify.recovered.title': ['Job working again: {job}', 'Auftrag läuft wieder: {job}', 'Taak werkt weer: {job}'],
  'notify.recovered.body': [
    'The last run finished without errors.',
    'Der letzte Lauf endete ohne Fehler.',
    'De laatste uitvoering is zonder fouten voltooid.',
  ],
} as const;

export type DesktopTextKey = keyof typeof TEXT;
const INDEX: Record<DesktopLang, number> = { en: 0, de: 1, nl: 2 };

export function desktopText(lang: DesktopLang, key: DesktopTextKey, params: Record<string, string> = {}): string {
  return TEXT[key][INDEX[lang]].replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}
