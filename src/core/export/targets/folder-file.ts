// Writes one mailbox-folder as one file. The text is assembled for this folder only, then replaced atomically
// (temp + fsync + rename): a reader sees the old file or the new one, never half of one, and a failure while
// reading from Exchange leaves the previous export untouched because nothing is written until the end.
import { join } from 'node:path';
import type { NormalisedEvent } from '../../../shared/model.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import { writeFileAtomic } from '../../fs/atomic-write.js';
import { createEncoder, type EncoderOptions, type ExportFormat, type FolderMeta } from '../formats/index.js';
import { outputFileName } from './file-name.js';

export interface FolderFileResult {
  file: string;
  items: number;
}

export async function writeFolderFile(
  outDir: string,
  meta: FolderMeta,
  format: ExportFormat,
  events: AsyncIterable<NormalisedEvent> | Iterable<NormalisedEvent>,
  options: EncoderOptions = {},
): Promise<FolderFileResult> {
  const encoder = createEncoder(format, meta, options);
  const chunks = [encoder.begin()];
  let items = 0;
  for await (const e of events) {
    chunks.push(encoder.event(e));
    items++;
  }
  chunks.push(encoder.end());
  const file = join(outDir, outputFileName(meta.mailbox, meta.folder, encoder.extension));
  try {
    await writeFileAtomic(file, chunks.join(''));
  } catch (e) {
    throw new CalpumpError('export.writeFailed', {
      params: { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
      evidence: (e as Error).message,
      cause: e,
    });
  }
  return { file, items };
}
