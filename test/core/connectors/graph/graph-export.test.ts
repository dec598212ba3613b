// `export` through the pump's runAdhocExport with a Graph profile: files hold exactly expectedEvents for each
// mailbox (the same truth the EWS export is checked against), one failing mailbox does not stop the others,
// and a run under injected 429s still writes complete files.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdhocExport } from '../../../../src/core/sync/adhoc-export.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import type { NormalisedEvent } from '../../../../src/shared/model.js';
import { startSimulator, type RunningSimulator } from '../../../../src/sim/index.js';
import { expectedEvents } from '../../../../src/sim/world/expected.js';
import { comparable, simGraphConnector } from './support.js';

let sim: RunningSimulator;
let from: Date;
let to: Date;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 25 });
  from = new Date(Date.parse(`${sim.world.anchor}T00:00:00Z`) - 7 * 86_400_000);
  to = new Date(Date.parse(`${sim.world.anchor}T00:00:00Z`) + 45 * 86_400_000);
});
afterAll(async () => sim?.stop());

describe('export with a Graph profile', () => {
  it('writes expectedEvents per mailbox, under throttling, and reports the scoped-out mailbox alone', async () => {
    const { connector } = await simGraphConnector(sim, {}, { sleep: async () => undefined });
    const outDir = mkdtempSync(join(tmpdir(), 'calpump-graph-export-'));
    const mailboxes = ['anna.schmidt@contoso.com', 'jan.devries@contoso.com', 'carol.evans@contoso.com', 'room.berlin@contoso.com'];
    sim.faults.clear();
    sim.faults.stage({ kind: 'throttle429', match: 'Graph:calendarView', times: 4, backOffMs: 2000 });
    const report = await runAdhocExport(
      { mailboxes, folder: 'calendar', from, to, format: 'json', outDir, profileName: 'm365-sim' },
      { connector, logger: nullLogger },
    );
    expect(sim.faults.delivered.throttle429).toBeGreaterThanOrEqual(4);
    for (const r of report.mailboxes) {
      if (r.mailbox === 'carol.evans@contoso.com') {
        expect(r.ok).toBe(false);
        expect(r.error?.id).toBe('graph.mailbox.accessDenied');
        continue;
      }
      expect(r.ok, JSON.stringify(r.error)).toBe(true);
      const written = JSON.parse(readFileSync(r.file!, 'utf8')) as NormalisedEvent[];
      const want = expectedEvents(sim.world, r.mailbox, 'calendar', from, to);
      expect(r.items).toBe(want.length);
      expect(comparable(written)).toEqual(comparable(want));
    }
    await connector.close();
  });

  it('leaves attendees out of $select and of the events when includeAttendees is false', async () => {
    const { connector } = await simGraphConnector(sim, {}, { sleep: async () => undefined });
    sim.faults.clear();
    const mailbox = 'anna.schmidt@contoso.com';
    const want = expectedEvents(sim.world, mailbox, 'calendar', from, to);
    expect(want.some((e) => e.attendees?.length)).toBe(true);
    const got: NormalisedEvent[] = [];
    for await (const e of connector.calendarView(mailbox, 'calendar', from, to, { includeAttendees: false })) got.push(e);
    expect(got.filter((e) => e.attendees)).toEqual([]);
    const strip = (list: NormalisedEvent[]) => comparable(list.map((e) => ({ ...e, attendees: undefined })));
    expect(strip(got)).toEqual(strip(want));
    await connector.close();
  });
});
