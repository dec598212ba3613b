// The plan in isolation (duplicates, hashes, protected keys) and the source kinds: a folder read again on each
// run, an HTTP endpoint on loopback, unreadable sources as catalogue errors.
import { createServer, type Server } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentHash, type Appointment, type OwnedItem } from '../../../src/core/connectors/writer.js';
import { importJobSchema } from '../../../src/core/import/import-job.js';
import { planMailbox } from '../../../src/core/import/import-plan.js';
import type { ImportItem } from '../../../src/core/import/row-to-item.js';
import { readSource } from '../../../src/core/import/sources/read-source.js';
import type { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { tempDir } from './import-sim.js';

const appt = (subject: string): Appointment => ({
  subject,
  start: '2026-04-01T00:00:00.000Z',
  end: '2026-04-02T00:00:00.000Z',
  isAllDay: true,
  timeZone: 'UTC',
  location: '',
  showAs: 'oof',
  sensitivity: 'normal',
  categories: [],
});
const item = (key: string, subject: string): ImportItem => ({
  key,
  mailboxes: ['a@x.com'],
  appointment: appt(subject),
  file: 'f',
  line: 2,
});
const owned = (id: string, key: string, subject: string, hash = appointmentHash(appt(subject))): OwnedItem => ({
  ...appt(subject),
  id,
  changeKey: `ck-${id}`,
  lastModified: '',
  sourceKey: key,
  scope: 's',
  contentHash: hash,
});

describe('planMailbox', () => {
  it('creates, updates by hash, deletes missing and duplicate keys, keeps protected keys', () => {
    const desired = new Map([
      ['new', item('new', 'New')],
      ['same', item('same', 'Same')],
      ['changed', item('changed', 'Changed now')],
      ['dup', item('dup', 'Dup')],
    ]);
    const plan = planMailbox(
      's',
      desired,
      [
        owned('1', 'same', 'Same'),
        owned('2', 'changed', 'Changed before'),
        owned('3', 'gone', 'Gone'),
        owned('4', 'dup', 'Dup', 'stale-hash'),
        owned('5', 'dup', 'Dup'),
        owned('6', 'broken-row', 'Broken'),
      ],
      { protectedKeys: new Set(['broken-row']), deleteMissing: true },
    );
    expect(plan.unchanged).toBe(2);
    expect(plan.writes.map((w) => [w.action, w.key, w.id])).toEqual([
      ['create', 'new', undefined],
      ['update', 'changed', '2'],
      ['delete', 'dup', '4'],
      ['delete', 'gone', '3'],
    ]);
    expect(plan.writes[1].request).toMatchObject({ existing: { id: '2', changeKey: 'ck-2' }, tag: { scope: 's', sourceKey: 'changed' } });
  });

  it('deleteMissing=false keeps what left the source', () => {
    const plan = planMailbox('s', new Map(), [owned('3', 'gone', 'Gone')], { protectedKeys: new Set(), deleteMissing: false });
    expect(plan.writes).toEqual([]);
  });
});

describe('source kinds', () => {
  let server: Server;
  let base = '';
  let body = 'id,mailbox,start\n1,a@x.com,2026-04-01\n';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/absences') return void res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' }).end(body);
      if (req.url === '/feed')
        return void res
          .writeHead(200, { 'Content-Type': 'text/calendar' })
          .end(
            'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\nDTSTART;VALUE=DATE:20260501\r\nSUMMARY:May Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
          );
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const deps = { secrets: new MemorySecretStore(), env: {}, now: new Date('2026-03-10T00:00:00Z') };

  it('polls an HTTP endpoint on each run (format from Content-Type)', async () => {
    const job = importJobSchema.parse({ id: 'h', source: { url: `${base}/absences` } });
    expect((await readSource(job, deps)).rows.map((r) => r.fields.id)).toEqual(['1']);
    body += '2,b@x.com,2026-04-02\n';
    expect((await readSource(job, deps)).rows.map((r) => r.fields.id)).toEqual(['1', '2']);
    const feed = await readSource(importJobSchema.parse({ id: 'f', source: { url: `${base}/feed` } }), deps);
    expect(feed.rows[0].fields).toMatchObject({ id: 'u1', subject: 'May Day', start: '2026-05-01' });
  });

  it('a key in the URL never shows: user info and query values are masked in names and errors', async () => {
    const job = importJobSchema.parse({
      id: 'h',
      source: { url: `http://svc:hunter2@127.0.0.1:${base.split(':')[2]}/absences?apikey=s3cr3t` },
    });
    const err = (await readSource(job, deps).then(
      () => expect.fail('read'),
      (e: unknown) => e,
    )) as CalpumpError;
    expect(JSON.stringify(err.params) + err.render().message).not.toMatch(/hunter2|s3cr3t/);
    expect(err.params.source).toContain('apikey=');
  });

  it('an HTTP error or an unreachable endpoint is import.source.unreadable', async () => {
    await expect(readSource(importJobSchema.parse({ id: 'h', source: { url: `${base}/missing.csv` } }), deps)).rejects.toMatchObject({
      id: 'import.source.unreadable',
      params: { reason: 'HTTP 404' },
    });
    await expect(readSource(importJobSchema.parse({ id: 'h', source: { url: 'http://127.0.0.1:9/x.csv' } }), deps)).rejects.toMatchObject({
      id: 'import.source.unreadable',
    });
  });

  it('reads every importable file of a folder, again on each run', async () => {
    const dir = join(await tempDir(), 'drop');
    await mkdir(dir);
    await writeFile(join(dir, 'a.csv'), 'id,mailbox,start\n1,a@x.com,2026-04-01\n');
    await writeFile(join(dir, 'notes.docx'), 'ignored');
    const job = importJobSchema.parse({ id: 'd', source: { path: dir } });
    expect((await readSource(job, deps)).documents).toEqual([join(dir, 'a.csv')]);
    await writeFile(join(dir, 'b.json'), JSON.stringify([{ id: '2', mailbox: 'b@x.com', start: '2026-04-02' }]));
    const second = await readSource(job, deps);
    expect(second.documents).toEqual([join(dir, 'a.csv'), join(dir, 'b.json')]);
    expect(second.rows.map((r) => [r.file.endsWith('b.json') ? 'b' : 'a', r.line])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('a missing path is import.source.unreadable', async () => {
    await expect(readSource(importJobSchema.parse({ id: 'm', source: { path: '/nonexistent/abs.csv' } }), deps)).rejects.toMatchObject({
      id: 'import.source.unreadable',
      params: { reason: { key: 'problem.source.missing' } },
    });
  });

  it('a file of no known type names its extension and the setting that fixes it', async () => {
    const file = join(await tempDir(), 'absences.docx');
    await writeFile(file, 'x');
    const err = (await readSource(importJobSchema.parse({ id: 'x', source: { path: file } }), deps).then(
      () => expect.fail('read'),
      (e: unknown) => e,
    )) as CalpumpError;
    expect(err.params.reason).toEqual({ key: 'problem.source.unknownFormat', params: { what: '.docx' } });
    expect(err.render('de').message).toContain('setzen Sie source.format auf csv, ics oder json');
  });
});
