import { describe, expect, it } from 'vitest';
import { catalogue, catalogueIds, type CatalogueEntry, type Lang } from '../../../src/core/doctor/catalogue.js';
import { CalpumpError, toCalpumpError } from '../../../src/core/errors/calpump-error.js';

const langs: Lang[] = ['en', 'de', 'nl'];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error catalogue', () => {
  it.each(catalogueIds)('%s is complete in every language with the same placeholders', (id) => {
    const e: CatalogueEntry = catalogue[id];
    for (const field of ['title', 'meaning', 'fix', 'delay'] as const) {
      const text = e[field];
      if (!text) continue;
      for (const lang of langs) expect(text[lang].trim().length, `${id}.${field}.${lang}`).toBeGreaterThan(3);
      for (const lang of langs) expect(placeholders(text[lang]), `${id}.${field}.${lang}`).toEqual(placeholders(text.en));
    }
  });

  it('renders an entry with its parameters and keeps evidence', () => {
    const err = new CalpumpError('ews.mailbox.notFound', { params: { mailbox: 'anna@contoso.com' }, evidence: 'ErrorNonExistentMailbox' });
    const info = err.info('de');
    expect(info.message).toContain('anna@contoso.com');
    expect(info.message).not.toContain('{mailbox}');
    expect(info.evidence).toBe('ErrorNonExistentMailbox');
  });

  it('wraps unknown errors so no bare error crosses a layer', () => {
    const wrapped = toCalpumpError(new TypeError('boom'));
    expect(wrapped.id).toBe('internal.unexpected');
    expect(wrapped.evidence).toBe('boom');
  });
});

describe('catalogue areas', () => {
  it('never define the same id twice (a later spread would silently replace an entry)', async () => {
    const { readdir } = await import('node:fs/promises');
    const path = await import('node:path');
    const dir = path.resolve(__dirname, '../../../src/core/doctor/catalogue');
    // types.ts holds shapes; doctor.ts only spreads the doctor-*.ts areas.
    const areaFiles = (await readdir(dir)).filter((f) => f.endsWith('.ts') && f !== 'types.ts' && f !== 'doctor.ts');
    const seen = new Map<string, string>();
    for (const file of areaFiles) {
      const mod = (await import(path.join(dir, file))) as Record<string, Record<string, unknown>>;
      const ids = new Set(Object.values(mod).filter((v) => v && typeof v === 'object').flatMap((v) => Object.keys(v)));
      for (const id of ids) {
        const before = seen.get(id);
        if (before) expect.fail(`${id} is defined in both ${before} and ${file}`);
        seen.set(id, file);
      }
    }
    expect([...seen.keys()].sort()).toEqual([...catalogueIds].sort());
  });
});

describe('doctor catalogue entries', () => {
  it('lists causes in every language with the same placeholders', () => {
    let withCauses = 0;
    for (const [id, entry] of Object.entries(catalogue) as Array<[string, CatalogueEntry]>) {
      for (const cause of entry.causes ?? []) {
        withCauses++;
        for (const lang of langs) {
          expect(cause[lang].trim().length, `${id}.causes.${lang}`).toBeGreaterThan(3);
          expect(placeholders(cause[lang]), `${id}.causes.${lang}`).toEqual(placeholders(cause.en));
        }
      }
    }
    expect(withCauses).toBeGreaterThan(30);
  });

  it('notes the delay where a fix takes time', () => {
    expect(catalogue['ews.impersonation.denied'].delay?.en).toMatch(/10 minutes/);
    expect(catalogue['graph.permission.missing'].delay?.en).toMatch(/few minutes/);
    expect(catalogue['ews.mailbox.moving'].delay).toBeDefined();
  });
});
