// The error catalogue lives in src/shared/i18n/catalogue.ts (texts in src/shared/locales/<lang>/catalogue.json)
// so every host renders errors the same way; the engine only names entries by id.
export {
  catalogue,
  catalogueIds,
  catalogueTables,
  isCatalogueId,
  type CatalogueEntry,
  type CatalogueId,
  type Lang,
  type Localised,
} from '../../shared/i18n/catalogue.js';
