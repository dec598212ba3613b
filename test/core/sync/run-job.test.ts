import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import type { NormalisedEvent } from '../../../src/shared/model.js';
import type { CalendarViewOptions } from '../../../src/core/connectors/connector.js';
import { FakeConnector, makeEvent, makeSeries } from '../../support/fake-connector.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { readJson } from '../../support/typed-json.js';
import { objectContaining } from '../../support/typed-expect.js';

const MAILBOXES = ['anna@contoso.com', 'jan@contoso.com'];

function world(): FakeConnector {
  const c = new FakeConnector();
  c.put(
    'anna@contoso.com',
    'calendar',
    makeEvent({ id: 'single', subject: 'Inside', start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z' }),
  );
  c.put('anna@contoso.com', 'calendar', makeSeries('s1', '2026-02-25T08:00:00.000Z', 30));
  c.put(
    'anna@contoso.com',
    'calendar',
    makeEvent({ id: 'far', subject: 'Outside', start: '2026-04-20T09:00:00.000Z', end: '2026-04-20T10:00:00.000Z' }),
  );
  c.put(
    'jan@contoso.com',
    'calendar',
    makeEvent({ id: 'jan1', subject: 'Jan', start: '2026-03-03T09:00:00.000Z', end: '2026-03-03T10:00:00.000Z' }),
  );
  return c;
}

async function fileEvents(h: Harness, mailbox: string): Promise<NormalisedEvent[]> {
  return readJson<NormalisedEvent[]>(join(h.dir, 'out', `${mailbox}__calendar.json`));
}

describe('runJob (folder target, fake connector)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.cleanup());
  const job = () => h.job({ mailboxes: { mode: 'list', list: MAILBOXES }, format: 'json' });

  it('first run reads the window and writes one file per mailbox-folder; an unchanged re-run costs one request per folder and writes nothing', async () => {
    const c = world();
    const first = await h.run(job(), c);
    expect(first.record).toMatchObject({ status: 'ok', mailboxesOk: 2, mailboxesFailed: 0 });
    const anna = await fileEvents(h, 'anna@contoso.com');
    // Window [02-28, 03-15): 15 days of the series + the single event.
    expect(anna.filter((e) => e.seriesId === 's1')).toHaveLength(15);
    expect(anna.map((e) => e.subject)).toContain('Inside');
    expect(anna.map((e) => e.subject)).not.toContain('Outside');
    const mtime = (await stat(join(h.dir, 'out', 'anna@contoso.com__calendar.json'))).mtimeMs;

    const before = c.requests.length;
    const second = await h.run(job(), c);
    const calls = c.requests.slice(before);
    const byMailbox = (a: { mailbox: string }, b: { mailbox: string }) => a.mailbox.localeCompare(b.mailbox);
    expect([...calls].sort(byMailbox)).toEqual(MAILBOXES.map((m) => ({ op: 'syncChanges', mailbox: m, folder: 'calendar' })));
    expect(second.record).toMatchObject({ status: 'ok', itemsWritten: 0 });
    expect((await stat(join(h.dir, 'out', 'anna@contoso.com__calendar.json'))).mtimeMs).toBe(mtime);
  });

  it('a changed, a moved and a deleted event show up after the next run', async () => {
    const c = world();
    await h.run(job(), c);
    const single = c.item('anna@contoso.com', 'calendar', 'single');
    c.put('anna@contoso.com', 'calendar', {
      ...single,
      events: [{ ...single.events[0], subject: 'Inside (renamed)', lastModified: '2026-03-01T07:00:00.000Z' }],
    });
    const s1 = c.item('anna@contoso.com', 'calendar', 's1');
    const moved = s1.events.map((e, i) => (i === 6 ? { ...e, start: '2026-03-03T15:00:00.000Z', end: '2026-03-03T15:30:00.000Z' } : e));
    c.put('anna@contoso.com', 'calendar', { ...s1, events: moved });
    c.remove('jan@contoso.com', 'calendar', 'jan1');

    const r = await h.run(job(), c);
    expect(r.record.status).toBe('ok');
    const anna = await fileEvents(h, 'anna@contoso.com');
    expect(anna.find((e) => e.id === 'single')!.subject).toBe('Inside (renamed)');
    const occ = anna.find((e) => e.originalStart === '2026-03-03T08:00:00.000Z')!;
    expect(occ.start).toBe('2026-03-03T15:00:00.000Z');
    expect(await fileEvents(h, 'jan@contoso.com')).toEqual([]);
    expect(r.folders.find((f) => f.mailbox === 'jan@contoso.com')).toMatchObject({ deletes: 1, fullRead: false });
  });

  it('slides the window by a day: the old day leaves, only the new day is read, and the result equals a clean run', async () => {
    const c = world();
    await h.run(job(), c);
    h.clock.now = new Date('2026-03-02T06:00:00.000Z');
    const before = c.requests.length;
    await h.run(job(), c);
    const views = c.requests.slice(before).filter((r) => r.op === 'calendarView');
    expect(views).toHaveLength(2); // one slice per mailbox, not the whole window
    const incremental = await fileEvents(h, 'anna@contoso.com');
    expect(incremental.some((e) => e.start.startsWith('2026-02-28'))).toBe(false);
    expect(incremental.some((e) => e.start.startsWith('2026-03-15'))).toBe(true);

    const clean = await createHarness('2026-03-02T06:00:00.000Z');
    try {
      await clean.run(clean.job({ mailboxes: { mode: 'list', list: MAILBOXES }, format: 'json' }), world());
      expect(await readFile(join(h.dir, 'out', 'anna@contoso.com__calendar.json'), 'utf8')).toBe(
        await readFile(join(clean.dir, 'out', 'anna@contoso.com__calendar.json'), 'utf8'),
      );
    } finally {
      await clean.cleanup();
    }
  });

  it('an invalid sync state leads to a full read with a log line', async () => {
    const c = world();
    await h.run(job(), c);
    const f = c.mailboxes.get('anna@contoso.com')!.get('calendar')!;
    f.version = 0; // the server forgot: the stored state is now "from the future" → invalid
    h.logs.length = 0;
    const r = await h.run(job(), c);
    expect(r.folders.find((x) => x.mailbox === 'anna@contoso.com')!.fullRead).toBe(true);
    expect(h.logs.some((l) => l.event === 'pump.state.expired')).toBe(true);
  });

  it('a failing mailbox is recorded, the others complete, and it is retried on the next run', async () => {
    const c = world();
    c.failures.set('jan@contoso.com', {
      error: new CalpumpError('ews.impersonation.denied', { params: { mailbox: 'jan@contoso.com', account: 'svc' } }),
      times: 1,
    });
    const first = await h.run(job(), c);
    expect(first.record).toMatchObject({ status: 'partial', mailboxesOk: 1, mailboxesFailed: 1 });
    expect(first.record.errors[0]).toMatchObject({
      mailbox: 'jan@contoso.com',
      folder: 'calendar',
      error: { id: 'ews.impersonation.denied' },
    });
    expect(await readdir(join(h.dir, 'out'))).toEqual(['anna@contoso.com__calendar.json']);
    const second = await h.run(job(), c);
    expect(second.record.status).toBe('ok');
    expect(await fileEvents(h, 'jan@contoso.com')).toHaveLength(1);
  });

  it('without syncChanges every run reads the window, and deletes still reach the output', async () => {
    const c = world();
    c.supportsSync = false;
    await h.run(job(), c);
    c.remove('anna@contoso.com', 'calendar', 'single');
    const before = c.requests.length;
    await h.run(job(), c);
    expect(c.requests.slice(before).map((r) => r.op)).toEqual(['calendarView', 'calendarView']);
    expect((await fileEvents(h, 'anna@contoso.com')).some((e) => e.id === 'single')).toBe(false);
  });

  it('dry run reports counts and a sample per mailbox and writes nothing', async () => {
    const r = await h.run(job(), world(), { dryRun: true });
    expect(r.record.dryRun).toBe(true);
    const anna = r.folders.find((f) => f.mailbox === 'anna@contoso.com')!;
    expect(anna).toMatchObject({ ok: true, items: 16, upserts: 16 });
    expect(anna.sample).toHaveLength(5);
    expect(await readdir(h.dir)).toEqual([]);
  });

  it('emits started, one progress event per mailbox, and finished', async () => {
    await h.run(job(), world());
    expect(h.events.map((e) => e.type)).toEqual(['job.started', 'mailbox.progress', 'mailbox.progress', 'job.finished']);
    expect(h.events[0]).toMatchObject({ mailboxes: 2 });
    expect(h.events.filter((e) => e.type === 'mailbox.progress').map((e) => (e as { done: number }).done)).toEqual([1, 2]);
  });

  it('refuses a second concurrent run of the same job', async () => {
    const c = world();
    const [a, b] = await Promise.all([h.run(job(), c), h.run(job(), c)]);
    const statuses = [a.record, b.record].map((r) => r.errors[0]?.error.id ?? r.status).sort();
    expect(statuses).toEqual(['ok', 'pump.jobRunning']);
  });

  it('an item the connector leaves out is counted in the run and listed with its id, never silently dropped', async () => {
    class SkippingConnector extends FakeConnector {
      override async *calendarView(mailbox: string, folderId: string, from: Date, to: Date, o: CalendarViewOptions = {}) {
        if (mailbox === 'jan@contoso.com')
          o.onItemSkipped?.({
            itemId: 'resp-1',
            error: new CalpumpError('ews.item.unsupported', {
              params: { itemId: 'resp-1', itemClass: 'MeetingResponse', mailbox, folder: folderId },
            }),
          });
        yield* super.calendarView(mailbox, folderId, from, to);
      }
    }
    const c = new SkippingConnector();
    for (const [m, folders] of world().mailboxes) c.mailboxes.set(m, folders);
    const r = await h.run(job(), c);
    expect(r.record).toMatchObject({ status: 'partial', mailboxesOk: 2, itemsSkipped: 1, errors: [] });
    expect(r.record.skipped).toEqual([
      expect.objectContaining({
        mailbox: 'jan@contoso.com',
        folder: 'calendar',
        item: 'resp-1',
        reason: objectContaining({ id: 'ews.item.unsupported' }),
      }),
    ]);
    expect((await fileEvents(h, 'jan@contoso.com')).map((e) => e.id)).toEqual(['jan1']);
  });
});
