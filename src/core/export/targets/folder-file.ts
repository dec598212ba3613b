// Writes one mailbox-folder as one file. Events are encoded and written to a temp file as they arrive from the
// server (nothing larger than a buffer is held), then the file is fsynced once and replaced atomically (rename):
// a reader sees the old file or the new one, never half of one, and a failure while reading from Exchange leaves
// the previous export untouched.
import { join } from 'node:path';
import type { ExportFormat as JobFormat } from '../../../shared/job.js';
import type { NormalisedItem } from '../../../shared/item-model.js';
import type { NormalisedEvent } from '../../../shared/model.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import { AtomicFileWriter } from '../../fs/atomic-write.js';
import { createEncoder, type EncoderOptions, type ExportFormat, type FolderMeta } from '../formats/index.js';
import { createItemEncoder } from '../item-formats/index.js';
import { bufferedTaker } from '../../connectors/buffered-items.js';
import { outputFileName } from './file-name.js';

export interface FolderFileResult {
  file: string;
  items: number;
}

/** Told when every event was read and encoded, before the file is made durable (fsync, rename). */
export interface WriteHooks {
  onRead?: () => void;
  /**
   * The caller makes the rename durable with one fsyncDir() of the folder for many files (an export's run) and
   * does so before it reports or commits anything that relies on them; see AtomicFileWriter.commit.
   */
  deferDirSync?: boolean;
}

/** What writeEncodedFile needs of an encoder: a header, one chunk per entry, a footer. */
interface ChunkEncoder<T> {
  extension: string;
  begin(): string;
  chunk(x: T): string;
  end(): string;
}

export function writeFolderFile(
  outDir: string,
  meta: FolderMeta,
  format: ExportFormat,
  events: AsyncIterable<NormalisedEvent> | Iterable<NormalisedEvent>,
  options: EncoderOptions = {},
  hooks: WriteHooks = {},
): Promise<FolderFileResult> {
  const e = createEncoder(format, meta, options);
  return writeEncodedFile(
    outDir,
    meta,
    { extension: e.extension, begin: () => e.begin(), chunk: (x) => e.event(x), end: () => e.end() },
    events,
    hooks,
  );
}

/** Contacts or tasks of one mailbox-folder as one file, written the same crash-safe way. */
export function writeItemsFile(
  outDir: string,
  meta: FolderMeta,
  format: JobFormat,
  items: Iterable<NormalisedItem>,
  options: EncoderOptions = {},
): Promise<FolderFileResult> {
  const e = createItemEncoder(format, meta, options);
  return writeEncodedFile(
    outDir,
    meta,
    { extension: e.extension, begin: () => e.begin(), chunk: (x) => e.item(x), end: () => e.end() },
    items,
  );
}

async function writeEncodedFile<T>(
  outDir: string,
  meta: FolderMeta,
  encoder: ChunkEncoder<T>,
  events: AsyncIterable<T> | Iterable<T>,
  hooks: WriteHooks = {},
): Promise<FolderFileResult> {
  const file = join(outDir, outputFileName(meta.mailbox, meta.folder, encoder.extension));
  const out = new AtomicFileWriter(file);
  // File-system failures become export.writeFailed; a failure of the read passes through as it is.
  const writing = async (step: () => Promise<void>) => {
    try {
      await step();
    } catch (e) {
      throw new CalpumpError('export.writeFailed', {
        params: { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
        evidence: (e as Error).message,
        cause: e,
      });
    }
  };
  let items = 0;
  try {
    out.add(encoder.begin());
    // The reader's items come a page at a time: the rest of a page is taken at once (connectors/buffered-items.ts).
    const takeBuffered = bufferedTaker<T>(events);
    for await (const e of events) {
      if (out.add(encoder.chunk(e))) await writing(() => out.flush());
      items++;
      if (!takeBuffered) continue;
      for (const x of takeBuffered()) {
        if (out.add(encoder.chunk(x))) await writing(() => out.flush());
        items++;
      }
    }
    out.add(encoder.end());
    hooks.onRead?.();
    await writing(() => out.commit({ syncDir: !hooks.deferDirSync }));
  } catch (e) {
    await out.abort();
    throw e;
  }
  return { file, items };
}
