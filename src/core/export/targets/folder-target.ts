// Folder target for jobs: one file per mailbox-folder, rewritten from the folder's whole output whenever it
// changes (a file is a snapshot, so a re-run after a crash simply writes the same bytes again).
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunOutput } from '../../../shared/job.js';
import { fsyncDir } from '../../fs/atomic-write.js';
import { fileOutput } from '../../sync/run-feeds.js';
import type { ExportFormat } from '../../../shared/job.js';
import type { EncoderOptions } from '../formats/index.js';
import { fieldsSignature } from '../../../shared/event-fields.js';
import type { SyncStateRecord, SyncStateStore } from '../../store/sync-state-store.js';
import { formatExtension, outputFileName } from './file-name.js';
import { writeFolderFile, writeItemsFile } from './folder-file.js';
import type { FolderBatch, PumpTarget, WrittenOutput } from './types.js';

export class FolderTarget implements PumpTarget {
  readonly kind = 'folder' as const;
  readonly id: string;

  constructor(
    private readonly dir: string,
    private readonly format: ExportFormat,
    private readonly states: SyncStateStore,
    private readonly options: EncoderOptions = {},
  ) {
    // A change of cell handling, series mode or field selection changes every file: a new target id makes the next run rewrite them.
    const variant = format === 'csv' && options.csvKeepFormulas ? '-raw' : format === 'ics' && options.icsSeries ? '-series' : '';
    this.id = `folder:${format}${variant}${fieldsSignature(options.fields)}:${dir}`;
  }

  fileFor(mailbox: string, folder: string): string {
    return join(this.dir, outputFileName(mailbox, folder, formatExtension(this.format)));
  }

  async holds(state: SyncStateRecord): Promise<boolean> {
    return stat(this.fileFor(state.mailbox, state.folder)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  private swept = false;

  /** Temp files left by a run that was killed mid-write (`.<name>.<hex>.tmp`, see writeFileAtomic). */
  private async sweep(): Promise<void> {
    if (this.swept) return;
    this.swept = true;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => /^\..+\.[0-9a-f]{12}\.tmp$/.test(n)).map((n) => rm(join(this.dir, n), { force: true })));
  }

  async write(batch: FolderBatch): Promise<WrittenOutput> {
    await this.sweep();
    const changes = batch.items ?? batch;
    const unchanged = !batch.reset && changes.upserts.length === 0 && changes.deletes.length === 0;
    if (!unchanged || !(await stat(this.fileFor(batch.mailbox, batch.folder)).catch(() => undefined))) {
      const meta = { mailbox: batch.mailbox, folder: batch.folder };
      if (batch.items) await writeItemsFile(this.dir, meta, this.format, batch.items.all, this.options);
      // jobSchema refuses a calendar job in vCard: reaching this is a bug, not bad input.
      else if (this.format === 'vcard') throw new Error('vcard holds contacts, not calendar items');
      else await writeFolderFile(this.dir, meta, this.format, batch.events, this.options);
    }
    return { commit: (state) => this.states.commit(state) };
  }

  /** The file goes; the folder is fsynced so the removal itself survives a crash. */
  async remove(batch: FolderBatch): Promise<void> {
    await rm(this.fileFor(batch.mailbox, batch.folder), { force: true });
    await fsyncDir(this.dir).catch(() => undefined);
  }

  async outputs(folders: ReadonlyArray<{ mailbox: string; folder: string }>): Promise<RunOutput[]> {
    const found = await Promise.all(folders.map((f) => fileOutput(this.fileFor(f.mailbox, f.folder), f.mailbox)));
    return found.filter((o) => o !== undefined);
  }

  async close(): Promise<void> {}
}
