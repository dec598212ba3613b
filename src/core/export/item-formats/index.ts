import type { ExportFormat } from '../../../shared/job.js';
import { text } from '../../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import { createItemJsonEncoder } from './json.js';
import type { ItemEncoder } from './types.js';

export type { ItemEncoder } from './types.js';
export { orderedItem } from './json.js';

export function createItemEncoder(format: ExportFormat): ItemEncoder {
  if (format === 'json') return createItemJsonEncoder();
  throw new CalpumpError('input.invalid', {
    params: { field: 'format', problem: text('problem.export.itemFormat', { format }) },
  });
}
