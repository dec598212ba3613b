import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputFileName } from '../../../../src/core/export/targets/file-name.js';
import { writeFolderFile } from '../../../../src/core/export/targets/folder-file.js';
import { itemsOfPages } from '../../../../src/core/connectors/ews/page-items.js';
import { CalpumpError } from '../../../../src/core/errors/calpump-error.js';
import { sampleEvents } from '../../../support/sample-events.js';
import { calpumpFailure } from '../../../support/calpump-failure.js';

describe('outputFileName', () => {
  it('is <mailbox>__<folder>.<ext> for ordinary names', () => {
    expect(outputFileName('Anna.Schmidt@contoso.com', 'calendar', 'ics')).toBe('anna.schmidt@contoso.com__calendar.ics');
  });

  it('turns unsafe and long folder ids into a stable short name without path separators', () => {
    const id = 'AAMkADk0ZjY4/ZmMtNDU2+Yi00ZTIwLWI2OTAtYmU3NDg1NDYzNDZlAC4AAAAAAAB3==';
    const name = outputFileName('anna@contoso.com', id, 'csv');
    expect(name).toBe(outputFileName('anna@contoso.com', id, 'csv'));
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
    expect(name.length).toBeLessThan(100);
    expect(outputFileName('anna@contoso.com', id + 'x', 'csv')).not.toBe(name);
  });

  it('never yields hidden, parent-directory or Windows-reserved names', () => {
    expect(outputFileName('../../etc/passwd', 'calendar', 'ics')).not.toContain('/');
    expect(outputFileName('..', 'calendar', 'ics').startsWith('.')).toBe(false);
    expect(outputFileName('con', 'calendar', 'ics')).toBe('_con__calendar.ics');
  });
});

describe('writeFolderFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calpump-folder-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const meta = { mailbox: 'anna.schmidt@contoso.com', folder: 'calendar' };

  it('writes the file and reports the item count', async () => {
    const r = await writeFolderFile(dir, meta, 'json', sampleEvents());
    expect(r.items).toBe(sampleEvents().length);
    expect(r.file).toBe(join(dir, 'anna.schmidt@contoso.com__calendar.json'));
    expect(JSON.parse(await readFile(r.file, 'utf8'))).toHaveLength(r.items);
  });

  it('leaves the previous file untouched and no temp file behind when reading fails midway', async () => {
    const file = join(dir, 'anna.schmidt@contoso.com__calendar.json');
    await writeFile(file, 'previous');
    async function* failing() {
      yield sampleEvents()[0];
      throw new CalpumpError('ews.server.busy', { params: { ms: '1000' } });
    }
    await expect(writeFolderFile(dir, meta, 'json', failing())).rejects.toMatchObject({ id: 'ews.server.busy' });
    expect(await readFile(file, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['anna.schmidt@contoso.com__calendar.json']);
  });

  it('maps a file-system failure to export.writeFailed naming the file', async () => {
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be');
    const err = await calpumpFailure(writeFolderFile(join(dir, 'blocker'), meta, 'csv', sampleEvents()));
    expect(err.id).toBe('export.writeFailed');
    expect(err.render().message).toContain('anna.schmidt@contoso.com__calendar.csv');
  });

  it('writes what a paged source hands out at once as it would item by item, and ends the source on a failure', async () => {
    const events = sampleEvents();
    async function* pages(log: string[], failAt = Infinity) {
      try {
        for (let i = 0; i < events.length; i += 2) {
          if (i >= failAt) throw new CalpumpError('ews.server.busy', { params: { ms: '1000' } });
          yield events.slice(i, i + 2);
        }
      } finally {
        log.push('closed');
      }
    }
    const one = await writeFolderFile(dir, meta, 'json', events);
    const expected = await readFile(one.file, 'utf8');
    const log: string[] = [];
    const paged = await writeFolderFile(dir, meta, 'json', itemsOfPages(pages(log)));
    expect(paged.items).toBe(events.length);
    expect(await readFile(paged.file, 'utf8')).toBe(expected);
    expect(log).toEqual(['closed']);

    const failed: string[] = [];
    await expect(writeFolderFile(dir, meta, 'json', itemsOfPages(pages(failed, 2)))).rejects.toMatchObject({ id: 'ews.server.busy' });
    expect(failed).toEqual(['closed']);
    expect(await readFile(one.file, 'utf8')).toBe(expected);
    expect(await readdir(dir)).toEqual(['anna.schmidt@contoso.com__calendar.json']);
  });
});
