// Organizer DNs: a page's distinct DNs are looked up side by side (bounded), each once however many items name
// it, and with a cache file the next run (a new connector) asks nothing it already knows — until the entry is
// older than the cache's maximum age. A broken cache file is an empty cache, never an error.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MailboxData } from '../../../../../src/core/connectors/ews/native/calendar-item.js';
import { OrganizerCacheFile, organizerCachePath } from '../../../../../src/core/connectors/ews/native/organizer-cache.js';
import { OrganizerResolver } from '../../../../../src/core/connectors/ews/native/organizer-resolver.js';
import type { EwsSession } from '../../../../../src/core/connectors/ews/session.js';
import type { EwsTransport } from '../../../../../src/core/connectors/ews/transport/ews-transport.js';
import { parseXml } from '../../../../../src/core/connectors/ews/xml/safe-xml.js';
import { recordingLogger } from '../../../net/fakes.js';
import { readJson } from '../../../../support/typed-json.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'ews');
const FOUND = readFileSync(join(FIXTURES, 'resolve-names-legacy-dn-2016.xml'), 'utf8');
const NONE = readFileSync(join(FIXTURES, 'resolve-names-no-results-2016.xml'), 'utf8');
const dn = (who: string) => `/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${who}`;

/** A server that answers each ResolveNames after the test lets it, and counts what is in flight. */
function fakeServer(directory: Record<string, string>) {
  const stats = { requests: 0, inFlight: 0, peak: 0, asked: [] as string[] };
  const waiting: Array<() => void> = [];
  const transport = {
    async post(_url: string, body: string) {
      const who = /<m:UnresolvedEntry>([^<]*)<\/m:UnresolvedEntry>/.exec(body)![1];
      stats.requests++;
      stats.asked.push(who);
      stats.inFlight++;
      stats.peak = Math.max(stats.peak, stats.inFlight);
      await new Promise<void>((r) => waiting.push(r));
      stats.inFlight--;
      const smtp = directory[who];
      const xml = smtp ? FOUND.replaceAll('anna.schmidt@contoso.com', smtp) : NONE;
      return { xml, envelope: parseXml(xml), status: 200 };
    },
  } as unknown as EwsTransport;
  const session: EwsSession = {
    transport,
    url: 'https://mail.contoso.com/EWS/Exchange.asmx',
    version: 'Exchange2016',
    username: 'svc',
    access: 'impersonation',
    fallbackZone: 'UTC',
    logger: recordingLogger(),
  };
  /** Answers everything asked so far, and whatever is asked while it keeps going. */
  const answerAll = async (until: Promise<unknown>) => {
    let done = false;
    void until.finally(() => (done = true));
    while (!done) {
      waiting.splice(0).forEach((r) => r());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { session, stats, answerAll };
}

const ex = (who: string): MailboxData => ({ name: who, email: dn(who), routingType: 'EX' });

describe('OrganizerResolver', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'calpump-organizers-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('looks a page’s distinct DNs up side by side, once each, bounded, and leaves SMTP organizers alone', async () => {
    const people = Array.from({ length: 12 }, (_, i) => `person${i}`);
    const { session, stats, answerAll } = fakeServer(Object.fromEntries(people.map((p) => [dn(p), `${p}@contoso.com`])));
    const resolver = new OrganizerResolver({ parallel: 5 });
    const organizers = [...people, ...people].map(ex);
    organizers.push({ name: 'Ext', email: 'ext@fabrikam.com', routingType: 'SMTP' }, undefined as unknown as MailboxData);
    const run = resolver.resolve(session, organizers);
    await answerAll(run);
    expect(await run).toEqual([]);
    expect(stats.requests).toBe(12);
    expect(stats.peak).toBe(5);
    expect(organizers.slice(0, 24).map((m) => m.email)).toEqual([...people, ...people].map((p) => `${p}@contoso.com`));
    expect(organizers[24].email).toBe('ext@fabrikam.com');
  });

  it('reports the DNs the directory does not know, and asks again on the next read', async () => {
    const { session, stats, answerAll } = fakeServer({ [dn('known')]: 'known@contoso.com' });
    const resolver = new OrganizerResolver();
    const organizers = [ex('known'), ex('gone'), ex('gone')];
    const run = resolver.resolve(session, organizers);
    await answerAll(run);
    expect(await run).toEqual([1, 2]);
    expect(organizers[1].email).toBe(dn('gone'));
    expect(stats.requests).toBe(2);
  });

  it('with a cache file, a new connector (the next run) asks nothing it already knows', async () => {
    const path = organizerCachePath(dir, 'profile/1');
    const directory = { [dn('a')]: 'a@contoso.com', [dn('b')]: 'b@contoso.com' };
    const first = fakeServer(directory);
    const r1 = new OrganizerResolver({ file: new OrganizerCacheFile({ path }) });
    const run1 = r1.resolve(first.session, [ex('a'), ex('b')]);
    await first.answerAll(run1);
    await run1;
    await r1.flush();
    expect((await readJson<{ entries: Record<string, string[]> }>(path)).entries[dn('a').toLowerCase()][0]).toBe('a@contoso.com');

    const second = fakeServer(directory);
    const r2 = new OrganizerResolver({ file: new OrganizerCacheFile({ path }) });
    const organizers = [ex('a'), ex('b')];
    expect(await r2.resolve(second.session, organizers)).toEqual([]);
    expect(second.stats.requests).toBe(0);
    expect(organizers.map((m) => m.email)).toEqual(['a@contoso.com', 'b@contoso.com']);
  });

  it('asks again for entries older than the maximum age', async () => {
    const path = organizerCachePath(dir, 'p');
    let now = Date.parse('2026-03-01T00:00:00Z');
    const file = () => new OrganizerCacheFile({ path, now: () => now, maxAgeMs: 86_400_000 });
    const first = fakeServer({ [dn('a')]: 'old@contoso.com' });
    const r1 = new OrganizerResolver({ file: file() });
    const run1 = r1.resolve(first.session, [ex('a')]);
    await first.answerAll(run1);
    await run1;
    await r1.flush();
    now += 2 * 86_400_000;
    const second = fakeServer({ [dn('a')]: 'new@contoso.com' });
    const r2 = new OrganizerResolver({ file: file() });
    const organizers = [ex('a')];
    const run2 = r2.resolve(second.session, organizers);
    await second.answerAll(run2);
    await run2;
    expect(second.stats.asked).toEqual([dn('a')]);
    expect(organizers[0].email).toBe('new@contoso.com');
  });

  it('a cache file that is not ours or not JSON is an empty cache', async () => {
    for (const junk of ['{"kind":"something else","version":1,"entries":{}}', '{not json', '[1,2]']) {
      const path = join(dir, `junk-${junk.length}.json`);
      await writeFile(path, junk);
      const { session, stats, answerAll } = fakeServer({ [dn('a')]: 'a@contoso.com' });
      const resolver = new OrganizerResolver({ file: new OrganizerCacheFile({ path }) });
      const organizers = [ex('a')];
      const run = resolver.resolve(session, organizers);
      await answerAll(run);
      expect(await run).toEqual([]);
      expect(stats.requests).toBe(1);
      await resolver.flush();
      expect((await readJson<{ kind: string }>(path)).kind).toBe('calpump.ewsOrganizers');
    }
  });
});
