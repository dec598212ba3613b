// Inline three-language texts (being moved into src/shared/locales; see shared/i18n).
import type { Localised } from '../../../shared/i18n/catalogue.js';

export type { CatalogueEntry, Lang, Localised } from '../../../shared/i18n/catalogue.js';

export const L = (en: string, de: string, nl: string): Localised => ({ en, de, nl });
