// Error catalogue: every failure a connector can raise maps to an entry with a plain meaning, the fix, and a
// note when the fix takes time — in English, German and Dutch. Ids are stable: logs, JSON output and tests
// refer to them. Entries are grouped by area under catalogue/; add a new area file and spread it here.
import { ewsEntries } from './catalogue/ews.js';
import { networkEntries } from './catalogue/network.js';
import { configEntries } from './catalogue/config.js';
import { exportEntries } from './catalogue/export.js';
import { doctorEntries } from './catalogue/doctor.js';
import { rpcEntries } from './catalogue/rpc.js';
import { graphEntries } from './catalogue/graph.js';
import { writeEntries } from './catalogue/write.js';

export type { CatalogueEntry, Lang, Localised } from './catalogue/types.js';

export const catalogue = {
  ...ewsEntries,
  ...networkEntries,
  ...configEntries,
  ...exportEntries,
  ...doctorEntries,
  ...rpcEntries,
  ...graphEntries,
  ...writeEntries,
};

export type CatalogueId = keyof typeof catalogue;
export const catalogueIds = Object.keys(catalogue) as CatalogueId[];
