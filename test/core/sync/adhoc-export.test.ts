import { rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { rendered } from '../../support/rendered.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { runAdhocExport, type AdhocExportRequest, type ExportProgress } from '../../../src/core/sync/adhoc-export.js';
import { FakeConnector, makeEvent, makeSeries } from '../../support/fake-connector.js';
import { calpumpFailure } from '../../support/calpump-failure.js';
import { readJson } from '../../support/typed-json.js';

const from = new Date('2026-03-01T00:00:00Z');
const to = new Date('2026-03-15T00:00:00Z');

function world(): FakeConnector {
  const c = new FakeConnector();
  c.put(
    'anna@contoso.com',
    'calendar',
    makeEvent({ subject: 'Inside', start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' }),
  );
  c.put(
    'anna@contoso.com',
    'calendar',
    makeEvent({ subject: 'Before', start: '2026-02-20T09:00:00.000Z', end: '2026-02-20T10:00:00.000Z' }),
  );
  c.put('anna@contoso.com', 'calendar', makeSeries('s1', '2026-03-10T08:00:00.000Z', 10));
  c.put('jan@contoso.com', 'calendar', makeEvent({ subject: 'Jan', start: '2026-03-03T09:00:00.000Z', end: '2026-03-03T10:00:00.000Z' }));
  c.put('broken@contoso.com', 'calendar', makeEvent({ start: '2026-03-03T09:00:00.000Z', end: '2026-03-03T10:00:00.000Z' }));
  return c;
}

describe('runAdhocExport', () => {
  let out: string;
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'calpump-adhoc-'));
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });
  const req = (over: Partial<AdhocExportRequest> = {}): AdhocExportRequest => ({
    mailboxes: ['anna@contoso.com', 'jan@contoso.com', 'broken@contoso.com'],
    folder: 'calendar',
    from,
    to,
    format: 'json',
    outDir: out,
    profileName: 'test',
    ...over,
  });

  it('writes one file per mailbox with the window only, and a failing mailbox does not stop the others', async () => {
    const c = world();
    c.failures.set('broken@contoso.com', {
      error: new CalpumpError('ews.impersonation.denied', { params: { mailbox: 'broken@contoso.com', account: 'svc' } }),
    });
    const progress: ExportProgress[] = [];
    const report = await runAdhocExport(req(), { connector: c, logger: nullLogger, onProgress: (p) => progress.push(p) });

    const byMailbox = Object.fromEntries(report.mailboxes.map((r) => [r.mailbox, r]));
    expect(byMailbox['anna@contoso.com']).toMatchObject({ ok: true, items: 6 });
    expect(byMailbox['jan@contoso.com']).toMatchObject({ ok: true, items: 1 });
    expect(byMailbox['broken@contoso.com']).toMatchObject({ ok: false, items: 0, error: { id: 'ews.impersonation.denied' } });
    expect(rendered(byMailbox['broken@contoso.com'].error).message).toContain('broken@contoso.com');

    const anna = await readJson<Array<{ subject: string }>>(byMailbox['anna@contoso.com'].file!);
    expect(anna.map((e) => e.subject)).toEqual(['Inside', ...Array<string>(5).fill('Stand-up s1')]);
    expect((await readdir(out)).sort()).toEqual(['anna@contoso.com__calendar.json', 'jan@contoso.com__calendar.json']);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3]);
    expect(progress.every((p) => p.total === 3)).toBe(true);
  });

  it('dry run counts and samples per mailbox but writes nothing', async () => {
    const report = await runAdhocExport(req({ dryRun: true, format: 'ics' }), { connector: world(), logger: nullLogger });
    expect(await readdir(out)).toEqual([]);
    const anna = report.mailboxes.find((r) => r.mailbox === 'anna@contoso.com')!;
    expect(anna.items).toBe(6);
    expect(anna.sample).toHaveLength(5);
    expect(anna.file).toBeUndefined();
    expect(anna.sample![0].subject).toBe('Inside');
  });

  it('keeps the previous file of a mailbox that fails midway', async () => {
    const c = world();
    const first = await runAdhocExport(req({ mailboxes: ['anna@contoso.com'] }), { connector: c, logger: nullLogger });
    const before = await readFile(first.mailboxes[0].file!, 'utf8');
    c.put('anna@contoso.com', 'calendar', makeEvent({ start: '2026-03-04T09:00:00.000Z', end: '2026-03-04T10:00:00.000Z' }));
    c.failures.set('anna@contoso.com', {
      error: new CalpumpError('net.timeout', { params: { host: 'mail', seconds: '30' } }),
      afterEvents: 2,
    });
    const second = await runAdhocExport(req({ mailboxes: ['anna@contoso.com'] }), { connector: c, logger: nullLogger });
    expect(second.mailboxes[0]).toMatchObject({ ok: false, error: { id: 'net.timeout' } });
    expect(await readFile(first.mailboxes[0].file!, 'utf8')).toBe(before);
    expect(await readdir(out)).toEqual(['anna@contoso.com__calendar.json']);
  });

  it('reports the files as written only after the output folder is synced, and fails them when it cannot be', async () => {
    // The folder goes away after the last mailbox's file was renamed into it: the run's one folder sync fails.
    const report = await runAdhocExport(req(), {
      connector: world(),
      logger: nullLogger,
      onProgress: (p) => void (p.done === p.total && rmSync(out, { recursive: true, force: true })),
    });
    expect(report.mailboxes.map((r) => [r.mailbox, r.ok, r.error?.id])).toEqual([
      ['anna@contoso.com', false, 'export.writeFailed'],
      ['jan@contoso.com', false, 'export.writeFailed'],
      ['broken@contoso.com', false, 'export.writeFailed'],
    ]);
    expect(rendered(report.mailboxes[0].error).message).toContain(out);
  });

  it('never reads more than `concurrency` mailboxes at once', async () => {
    const c = new FakeConnector();
    const mailboxes = Array.from({ length: 12 }, (_, i) => `user${i}@contoso.com`);
    for (const m of mailboxes) c.put(m, 'calendar', makeEvent({ start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' }));
    let active = 0;
    let peak = 0;
    const view = c.calendarView.bind(c);
    c.calendarView = async function* (...args) {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setImmediate(r));
      yield* view(...args);
      active--;
    };
    const report = await runAdhocExport(req({ mailboxes, concurrency: 3 }), { connector: c, logger: nullLogger });
    expect(report.mailboxes.every((r) => r.ok)).toBe(true);
    expect(peak).toBe(3);
  });

  it.each([
    [{ mailboxes: [] }, 'mailbox'],
    [{ from: to, to: from }, 'window'],
    [{ format: 'xml' as 'ics' }, 'format'],
    [{ outDir: '' }, 'out'],
  ])('rejects bad input %j with input.invalid naming the field', async (over, field) => {
    const err = await calpumpFailure(runAdhocExport(req(over), { connector: world(), logger: nullLogger }));
    expect(err.id).toBe('input.invalid');
    expect(err.params.field).toBe(field);
  });
});
