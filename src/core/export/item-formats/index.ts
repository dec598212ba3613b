import type { ExportFormat } from '../../../shared/job.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { EncoderOptions, FolderMeta } from '../formats/types.js';
import { createItemCsvEncoder } from './csv.js';
import { createItemJsonEncoder } from './json.js';
import { createVcardEncoder } from './vcard.js';
import { createVtodoEncoder } from './vtodo.js';
import type { ItemEncoder } from './types.js';

export type { ItemEncoder } from './types.js';
export { orderedItem } from './json.js';

export function createItemEncoder(format: ExportFormat, meta: FolderMeta, o: EncoderOptions = {}): ItemEncoder {
  if (format === 'json') return createItemJsonEncoder();
  if (format === 'csv' && o.itemKind) return createItemCsvEncoder(meta, o.itemKind, o);
  if (format === 'ics' && o.itemKind === 'task') return createVtodoEncoder(meta);
  if (format === 'vcard' && o.itemKind === 'contact') return createVcardEncoder();
  throw new CalpumpError('input.invalid', {
    params: { field: 'format', problem: text('problem.export.itemFormat', { format }) },
  });
}
