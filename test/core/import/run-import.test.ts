// runImport over an in-memory writer: one failing mailbox or item never stops the rest, failures name the key,
// the job's defaults reach the writer (show as, reminder off, categories, no attendees), and abort stops writing.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListOwnedOptions, OwnedItem, WriteOutcome, WriteRequest } from '../../../src/core/connectors/writer.js';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { importJobSchema, runImport } from '../../../src/core/import/index.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { MemoryWriter } from '../../support/memory-writer.js';
import { tempDir } from './import-sim.js';

class FlakyWriter extends MemoryWriter {
  override async listOwned(mailbox: string, folder: string, opts?: ListOwnedOptions): Promise<OwnedItem[]> {
    if (mailbox === 'carol@x.com') throw new CalpumpError('ews.impersonation.denied', { params: { username: 'svc', mailbox } });
    return super.listOwned(mailbox, folder, opts);
  }
  override async upsert(mailbox: string, folder: string, requests: WriteRequest[]): Promise<WriteOutcome[]> {
    const out = await super.upsert(
      mailbox,
      folder,
      requests.filter((r) => r.tag?.sourceKey !== 'bad'),
    );
    return requests.map((r) =>
      r.tag?.sourceKey === 'bad'
        ? {
            action: 'create',
            ok: false,
            error: new CalpumpError('write.refused', { params: { item: 'bad', mailbox, reason: 'ErrorInvalidValueForProperty' } }),
          }
        : out.shift()!,
    );
  }
}

async function csvJob(text: string, over: Record<string, unknown> = {}) {
  const dir = await tempDir();
  await writeFile(join(dir, 'j.csv'), text);
  return {
    dir,
    job: importJobSchema.parse({ id: 'j', source: { path: join(dir, 'j.csv') }, defaultSubject: 'Away', categories: ['HR'], ...over }),
  };
}

const deps = (writer: MemoryWriter, extra = {}) => ({ writer, logger: nullLogger, secrets: new MemorySecretStore(), ...extra });

describe('runImport', () => {
  it('a failing mailbox and a refused item are reported; everything else is written', async () => {
    const { job } = await csvJob(
      'id,mailbox,start\n1,a@x.com,2026-04-01\nbad,a@x.com,2026-04-02\n3,carol@x.com,2026-04-03\n4,b@x.com,2026-04-04\n',
    );
    const writer = new FlakyWriter();
    const r = await runImport(job, {}, deps(writer));
    const by = Object.fromEntries(r.mailboxes.map((m) => [m.mailbox, m]));
    expect(by['a@x.com']).toMatchObject({ ok: false, creates: 1, failed: 1, errors: [{ key: 'bad', error: { id: 'write.refused' } }] });
    expect(by['carol@x.com']).toMatchObject({ ok: false, creates: 0, errors: [{ error: { id: 'ews.impersonation.denied' } }] });
    expect(by['b@x.com']).toMatchObject({ ok: true, creates: 1 });
    expect(r.totals).toMatchObject({ creates: 2, failed: 1 });
  });

  it('writes the job defaults: show as oof, reminder off, categories, the row subject or the default', async () => {
    const { job } = await csvJob('id,mailbox,start,subject\n1,a@x.com,2026-04-01,\n2,a@x.com,2026-04-02,Training\n');
    const writer = new MemoryWriter();
    await runImport(job, {}, deps(writer));
    const items = [...writer.items.values()].sort((x, y) => x.sourceKey.localeCompare(y.sourceKey));
    expect(items.map((i) => [i.sourceKey, i.subject, i.showAs, i.reminderMinutes, i.categories, i.isAllDay, i.scope])).toEqual([
      ['1', 'Away', 'oof', undefined, ['HR'], true, 'j'],
      ['2', 'Training', 'oof', undefined, ['HR'], true, 'j'],
    ]);
  });

  it('an aborted run writes nothing more and says so', async () => {
    const { job } = await csvJob('id,mailbox,start\n1,a@x.com,2026-04-01\n2,b@x.com,2026-04-01\n');
    const writer = new MemoryWriter();
    const abort = new AbortController();
    abort.abort();
    const r = await runImport(job, {}, deps(writer, { signal: abort.signal }));
    expect(r.aborted).toBe(true);
    expect(writer.items.size).toBe(0);
  });
});
