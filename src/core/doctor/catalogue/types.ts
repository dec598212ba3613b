// Shapes of the error catalogue. Entries live in catalogue/<area>.ts; catalogue.ts merges them.
export type Lang = 'en' | 'de' | 'nl';
export type Localised = Record<Lang, string>;

export interface CatalogueEntry {
  title: Localised;
  meaning: Localised;
  fix: Localised;
  /** Likely causes, most likely first (optional; the doctor and the UI list them). */
  causes?: Localised[];
  /** When a fix takes time to apply. */
  delay?: Localised;
}

export const L = (en: string, de: string, nl: string): Localised => ({ en, de, nl });
