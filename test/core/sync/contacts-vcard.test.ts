// Contacts as vCard 4 (issue 16 item 2) through the real EWS connector and the simulator, read back with Python's
// vobject (Debian's python3-vobject, not ours) and with ical.js: every seeded contact comes back field by field, and
// non-ASCII names, commas and semicolons inside fields and multi-line notes survive the escaping and the folding.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalisedContact } from '../../../src/shared/item-model.js';
import type { Job } from '../../../src/shared/job.js';
import { expectedContacts } from '../../../src/sim/index.js';
import { createHarness, type Harness } from '../../support/pump-harness.js';
import { SIM_ANCHOR, startPumpSim, type PumpSim } from '../../support/sim-pump.js';
import { parseJson } from '../../support/typed-json.js';

const run = promisify(execFile);
const MAILBOXES = ['anna.schmidt@contoso.com', 'alice.smith@contoso.com'];

// Each VCARD as plain fields, in vobject's reading of the file.
const PYTHON = `
import json, sys, vobject
out = []
for c in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()):
    get = lambda k: c.contents.get(k, [])
    one = lambda k: get(k)[0].value if get(k) else None
    n = c.n.value
    out.append({
        'version': one('version'), 'id': one('uid'), 'fn': one('fn'),
        'n': [n.family, n.given, n.additional, n.prefix, n.suffix],
        'nickname': one('nickname'), 'org': one('org'), 'title': one('title'),
        'emails': [[e.value, e.params.get('PREF', [''])[0]] for e in get('email')],
        'phones': [[t.value, t.params.get('TYPE', []), t.params.get('VALUE', [''])[0]] for t in get('tel')],
        'addresses': [[a.params.get('TYPE', []), a.value.box, a.value.extended, a.value.street, a.value.city, a.value.region,
                       a.value.code, a.value.country] for a in get('adr')],
        'bday': one('bday'), 'categories': one('categories') or [], 'note': one('note'), 'rev': one('rev'),
    })
print(json.dumps(out))
`;
interface PyCard {
  version: string;
  id: string;
  fn: string;
  n: string[];
  nickname: string | null;
  org: string[] | null;
  title: string | null;
  emails: Array<[string, string]>;
  phones: Array<[string, string[], string]>;
  addresses: Array<[string[], string, string, string, string, string, string, string]>;
  bday: string | null;
  categories: string[];
  note: string | null;
  rev: string;
}

async function readCards(file: string): Promise<PyCard[]> {
  const { stdout } = await run('/usr/bin/python3', ['-c', PYTHON, file]);
  return parseJson<PyCard[]>(stdout);
}

const PHONE = { 'work,voice': 'business', 'home,voice': 'home', cell: 'mobile' } as Record<string, 'business' | 'home' | 'mobile'>;
const ADDRESS = { work: 'business', home: 'home', '': 'other' } as Record<string, 'business' | 'home' | 'other'>;
const isoDate = (basic: string) => `${basic.slice(0, 4)}-${basic.slice(4, 6)}-${basic.slice(6, 8)}`;
const isoStamp = (basic: string) =>
  new Date(`${isoDate(basic)}T${basic.slice(9, 11)}:${basic.slice(11, 13)}:${basic.slice(13, 15)}Z`).toISOString();

/** A card as the contact fields vCard carries (an e-mail address's display name has no place in a vCard). */
function contactOf(p: PyCard): Omit<NormalisedContact, 'emails'> & { emails: string[] } {
  expect(p.version).toBe('4.0');
  expect(p.n.slice(3)).toEqual(['', '']);
  expect(p.emails.map((e) => e[1])).toEqual(p.emails.map((_, i) => String(i + 1)));
  for (const t of p.phones) expect(t[2].toLowerCase()).toBe('text');
  for (const a of p.addresses) expect(a.slice(1, 3)).toEqual(['', '']);
  return {
    kind: 'contact',
    id: p.id,
    displayName: p.fn,
    givenName: p.n[1],
    middleName: p.n[2],
    surname: p.n[0],
    nickname: p.nickname ?? '',
    companyName: p.org?.[0] ?? '',
    jobTitle: p.title ?? '',
    department: p.org?.[1] ?? '',
    emails: p.emails.map((e) => e[0]),
    phones: p.phones.map(([number, type]) => ({ type: PHONE[type.join(',')], number })),
    addresses: p.addresses.map(([type, , , street, city, state, postalCode, countryOrRegion]) => ({
      type: ADDRESS[type.join(',')],
      street,
      city,
      state,
      postalCode,
      countryOrRegion,
    })),
    ...(p.bday ? { birthday: isoDate(p.bday) } : {}),
    categories: p.categories,
    notes: p.note ?? '',
    lastModified: isoStamp(p.rev),
  };
}

const vcardFields = (c: NormalisedContact) => ({ ...c, emails: c.emails.map((e) => e.address) });

describe('contacts as vCard 4', () => {
  let ps: PumpSim;
  let h: Harness;
  let contacts: Job;
  const fileOf = (m: string) => join(h.dir, 'c', `${m}__contacts.vcf`);

  beforeAll(async () => {
    ps = await startPumpSim({ eventsPerMailbox: 2 });
    h = await createHarness(SIM_ANCHOR);
    contacts = h.job({
      mailboxes: { mode: 'list', list: MAILBOXES },
      filters: { includeBody: true },
      format: 'vcard',
      id: 'contacts',
      name: 'contacts',
      content: 'contacts',
      target: { kind: 'folder', path: join(h.dir, 'c') },
    });
  });
  afterAll(async () => {
    await Promise.all([ps?.stop(), h?.cleanup()]);
  });

  it('exports the seeded contacts field by field', async () => {
    expect((await h.run(contacts, ps.connector())).record.status).toBe('ok');
    for (const m of MAILBOXES) {
      const cards = await readCards(fileOf(m));
      expect(cards.map(contactOf)).toEqual(expectedContacts(ps.sim.world, m, 'contacts', true).map(vcardFields));
      expect(cards).toHaveLength(3);
    }
  });

  it('escapes commas, semicolons, line breaks and non-ASCII text, folding long lines at 75 octets', async () => {
    const [anna] = MAILBOXES;
    const world = ps.sim.world;
    const contact = [...world.items.values()].find((i) => i.mailbox === anna && i.kind === 'contact')!;
    // The EWS reader trims a contact's fields, so the texts have no space at either end.
    const long = 'Zoë; O’Brien, "Jr." \\ 日本語 –'.repeat(4);
    world.mutate.updateItem(contact.id, {
      displayName: long,
      givenName: 'Zoë, Anne',
      middleName: 'van; der',
      surname: 'Müller-Lüdenscheidt; Jr.',
      nickname: 'Zo, Zo',
      companyName: 'Müller; Söhne, GmbH',
      department: 'Einkauf, Süd',
      jobTitle: 'Leiterin; Einkauf, "Süd"',
      phones: [{ type: 'home', number: '+49 (30) 123; ext. 4, 5' }],
      addresses: [
        {
          type: 'business',
          street: 'Hof 2\nHauptstraße 5; 3. OG',
          city: 'Köln, Altstadt',
          state: 'NRW',
          postalCode: '50667',
          countryOrRegion: 'Deutschland',
        },
      ],
      notes: 'Zeile 1\nZeile 2, mit Komma; und Semikolon \\ und Backslash\n\n日本語 – ' + 'lang '.repeat(30),
      categories: ['A, B', 'C;D', 'Ärger'],
    });
    expect((await h.run(contacts, ps.connector())).record.itemsWritten).toBe(1);
    const cards = await readCards(fileOf(anna));
    expect(cards.map(contactOf)).toEqual(expectedContacts(world, anna, 'contacts', true).map(vcardFields));
    const raw = await readFile(fileOf(anna));
    const text = raw.toString('utf8');
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    // A folded line never splits a character: every physical line is valid UTF-8 on its own.
    for (const l of raw.toString('latin1').split('\r\n')) expect(Buffer.from(l, 'latin1').toString('utf8')).not.toContain('\uFFFD');
  });

  it('reads back through ical.js as well', async () => {
    const [anna] = MAILBOXES;
    const parsed = ICAL.parse(await readFile(fileOf(anna), 'utf8')) as unknown[];
    // Several top-level components come back as an array of jCard documents.
    const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((j) => new ICAL.Component(j as unknown[]));
    const want = expectedContacts(ps.sim.world, anna, 'contacts', true);
    expect(cards.map((c) => c.getFirstPropertyValue('uid'))).toEqual(want.map((c) => c.id));
    expect(cards.map((c) => c.getFirstPropertyValue('fn'))).toEqual(want.map((c) => c.displayName));
    expect(cards.map((c) => c.getFirstPropertyValue('note'))).toEqual(want.map((c) => c.notes || null));
    expect(cards.map((c) => c.getFirstProperty('n')?.getValues()[0] as unknown)).toEqual(
      want.map((c) => [c.surname, c.givenName, c.middleName, '', '']),
    );
    expect(cards.map((c) => (c.getFirstProperty('categories')?.getValues() as unknown[] | undefined) ?? [])).toEqual(
      want.map((c) => c.categories),
    );
  });
});
