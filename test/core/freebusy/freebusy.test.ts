// Free/busy export against the simulator: svc-delegate has no Reviewer on jan.devries's calendar (it cannot
// read his items) but free/busy is visible to everyone, so jan's busy blocks export — through EWS
// (GetUserAvailability, delegate profile) and Graph (getSchedule, delegated sign-in as svc-delegate).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEwsConnector } from '../../../src/core/connectors/ews/index.js';
import { createGraphConnector } from '../../../src/core/connectors/graph/index.js';
import type { Connector } from '../../../src/core/connectors/connector.js';
import { encodeBlocks, freeBusyFileName, freeBusyJobSchema, runFreeBusy, tidyBlocks } from '../../../src/core/freebusy/index.js';
import { nullLogger } from '../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../src/core/secrets/memory-secret-store.js';
import { ewsProfileSchema, graphProfileSchema, secretKey } from '../../../src/shared/profile.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { SIM_APP_PUBLIC, SIM_TENANT_ID } from '../../../src/sim/oauth/index.js';
import { tempDir } from '../import/import-sim.js';
import { expectedBlocks } from './expected-blocks.js';
import { readJson } from '../../support/typed-json.js';

const JAN = 'jan.devries@contoso.com';
const FROM = new Date('2026-03-02T00:00:00Z');
const TO = new Date('2026-03-16T00:00:00Z');
let sim: RunningSimulator;
const secrets = new MemorySecretStore();

beforeAll(async () => {
  sim = await startSimulator({ seed: 31, anchor: new Date('2026-03-02T06:00:00Z'), eventsPerMailbox: 4 });
});
afterAll(async () => {
  await sim?.stop();
});

async function delegate(kind: 'ews' | 'graph'): Promise<Connector> {
  if (kind === 'ews') {
    const p = ewsProfileSchema.parse({
      id: 'fb-ews',
      name: 'fb',
      kind: 'ews',
      url: sim.ewsUrl,
      username: 'svc-delegate@contoso.com',
      auth: 'basic',
      access: 'delegate',
      tls: { caFile: sim.caFile },
    });
    await secrets.set(secretKey(p.id, 'password'), 'Passw0rd!');
    return createEwsConnector(p, { secrets, logger: nullLogger });
  }
  const p = graphProfileSchema.parse({
    id: 'fb-graph',
    name: 'fb',
    kind: 'graph',
    tenantId: SIM_TENANT_ID,
    clientId: SIM_APP_PUBLIC,
    flow: 'password',
    username: 'svc-delegate@contoso.com',
    authorityHost: sim.url,
    graphHost: sim.url,
    tls: { caFile: sim.caFile },
    proxy: { mode: 'none' },
  });
  await secrets.set(secretKey(p.id, 'password'), 'Passw0rd!');
  return createGraphConnector(p, { secrets, logger: nullLogger });
}

const janBlocks = () => expectedBlocks(sim, JAN, FROM, TO, 'Europe/Amsterdam');

describe.each(['ews', 'graph'] as const)('free/busy export (%s)', (kind) => {
  it('exports the blocks of a mailbox the account cannot read', async () => {
    const connector = await delegate(kind);
    const items = (async () => {
      for await (const _ of connector.calendarView(JAN, 'calendar', FROM, TO)) return;
    })();
    await expect(items).rejects.toMatchObject({ id: kind === 'ews' ? 'ews.delegate.accessDenied' : 'graph.mailbox.accessDenied' });

    const dir = await tempDir();
    const job = freeBusyJobSchema.parse({ mailboxes: [JAN], from: FROM, to: TO, format: 'json', outDir: dir });
    const report = await runFreeBusy(job, {
      connector,
      logger: nullLogger,
      profileName: 'fb',
      now: () => new Date('2026-03-01T00:00:00Z'),
    });
    const expected = janBlocks();
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.some((b) => b.showAs === 'oof')).toBe(true);
    expect(report.mailboxes[0]).toMatchObject({ mailbox: JAN, ok: true });
    expect(report.mailboxes[0].blocks).toEqual(expected);
    const file = await readJson<unknown>(report.mailboxes[0].file!);
    expect(file).toMatchObject({ mailbox: JAN, from: FROM.toISOString(), to: TO.toISOString(), blocks: expected });
    await connector.close();
  });

  it('a mailbox the server cannot answer for is reported failed (not "free"), keeps its previous file, and the others export', async () => {
    const connector = await delegate(kind);
    const dir = await tempDir();
    const ghost = 'nobody.here@contoso.com';
    const previous = join(dir, freeBusyFileName(ghost, 'json'));
    await writeFile(previous, '{"kept":true}');
    const job = freeBusyJobSchema.parse({ mailboxes: [JAN, ghost], from: FROM, to: TO, format: 'json', outDir: dir });
    const report = await runFreeBusy(job, { connector, logger: nullLogger, profileName: 'fb' });
    const [jan, missing] = report.mailboxes;
    expect(jan).toMatchObject({ mailbox: JAN, ok: true });
    expect(jan.blocks.length).toBeGreaterThan(5);
    expect(missing).toMatchObject({
      mailbox: ghost,
      ok: false,
      error: { id: kind === 'ews' ? 'ews.mailbox.notFound' : 'graph.mailbox.notFound' },
    });
    expect(missing.file).toBeUndefined();
    expect(await readFile(previous, 'utf8')).toBe('{"kept":true}');
    await connector.close();
  });
});

describe('free/busy formats', () => {
  const m = {
    mailbox: 'jan.devries@contoso.com',
    from: '2026-03-02T00:00:00.000Z',
    to: '2026-03-03T00:00:00.000Z',
    generatedAt: '2026-03-01T00:00:00.000Z',
    blocks: [
      { start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T10:00:00.000Z', showAs: 'busy' as const },
      { start: '2026-03-02T11:00:00.000Z', end: '2026-03-02T12:00:00.000Z', showAs: 'oof' as const },
    ],
  };

  it('writes an RFC 5545 VFREEBUSY and a CSV', () => {
    const ics = encodeBlocks(m, 'ics');
    expect(ics).toContain('BEGIN:VFREEBUSY\r\n');
    expect(ics).toContain('FREEBUSY;FBTYPE=BUSY:20260302T090000Z/20260302T100000Z\r\n');
    expect(ics).toContain('FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20260302T110000Z/20260302T120000Z\r\n');
    expect(encodeBlocks(m, 'csv')).toBe(
      'mailbox,start,end,showAs\njan.devries@contoso.com,2026-03-02T09:00:00.000Z,2026-03-02T10:00:00.000Z,busy\njan.devries@contoso.com,2026-03-02T11:00:00.000Z,2026-03-02T12:00:00.000Z,oof\n',
    );
  });

  it('merges overlapping blocks of one status, keeps different statuses, drops free', () => {
    const b = (start: string, end: string, showAs: 'busy' | 'free' | 'tentative') => ({
      mailbox: 'x',
      start: `2026-03-02T${start}:00.000Z`,
      end: `2026-03-02T${end}:00.000Z`,
      showAs,
    });
    expect(
      tidyBlocks(
        [
          b('09:00', '10:00', 'busy'),
          b('09:30', '11:00', 'busy'),
          b('11:00', '11:30', 'busy'),
          b('09:45', '10:15', 'tentative'),
          b('12:00', '13:00', 'free'),
        ],
        { includeFree: false, merge: true },
      ),
    ).toEqual([
      { start: '2026-03-02T09:00:00.000Z', end: '2026-03-02T11:30:00.000Z', showAs: 'busy' },
      { start: '2026-03-02T09:45:00.000Z', end: '2026-03-02T10:15:00.000Z', showAs: 'tentative' },
    ]);
  });

  it('a connector without availability is freebusy.notSupported', async () => {
    const job = freeBusyJobSchema.parse({ mailboxes: ['a@x.com'], from: new Date('2026-03-02'), to: new Date('2026-03-03') });
    const connector = { kind: 'ews' } as unknown as Connector;
    await expect(runFreeBusy(job, { connector, logger: nullLogger, profileName: 'p' })).rejects.toMatchObject({
      id: 'freebusy.notSupported',
    });
  });
});
