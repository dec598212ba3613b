import { createCsvEncoder } from './csv.js';
import { createIcsEncoder } from './ics.js';
import { createIcsSeriesEncoder } from './ics-series.js';
import { createJsonEncoder } from './json.js';
import type { EncoderOptions, EventEncoder, ExportFormat, FolderMeta } from './types.js';

export type { EncoderOptions, EventEncoder, ExportFormat, FolderMeta } from './types.js';
export { encodeAll } from './types.js';
export { CSV_COLUMNS } from './csv.js';
export { eventKeysOf, orderedEvent } from './json.js';
export { csvColumnsOf } from './csv.js';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['ics', 'json', 'csv'];

export function createEncoder(format: ExportFormat, meta: FolderMeta, o: EncoderOptions = {}): EventEncoder {
  switch (format) {
    case 'ics':
      return o.icsSeries ? createIcsSeriesEncoder(meta, o.fields) : createIcsEncoder(meta, o.fields);
    case 'json':
      return createJsonEncoder(o.fields);
    case 'csv':
      return createCsvEncoder(meta, o);
  }
}
