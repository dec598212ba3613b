// Contacts and tasks read from answers shaped as Exchange 2016/2019 send them (s: envelopes, default-namespace
// messages, dictionary entries in any order, empty entries, a distribution list among contacts, an item gone
// between FindItem and GetItem, dates at 11:59 UTC or local midnight).
import { describe, expect, it } from 'vitest';
import type { ItemSkip } from '../../../../src/core/connectors/connector.js';
import type { NormalisedItem } from '../../../../src/shared/item-model.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { collect } from './sim-helpers.js';
import { FixtureHttp, fixtureConnector } from './fixture-http.js';

const schema = recordEwsRequestsForSchema();

async function read(http: FixtureHttp, folder: 'contacts' | 'tasks') {
  const { connector } = fixtureConnector(http, {}, { recorder: schema.recorder });
  const skipped: ItemSkip[] = [];
  const items: NormalisedItem[] = await collect(
    connector.readItems!('anna.schmidt@contoso.com', folder, folder, { includeBody: true, onItemSkipped: (s) => skipped.push(s) }),
  );
  expect(http.pending()).toEqual([]);
  return { items, skipped };
}

describe('EWS contacts and tasks from recorded answers', () => {
  it('reads a contact field by field, skips a distribution list with a reason and drops an item that is gone', async () => {
    const http = new FixtureHttp().on('FindItem', 'find-item-contacts-2019.xml').on('GetItem', 'get-item-contacts-2019.xml');
    const { items, skipped } = await read(http, 'contacts');
    expect(items).toEqual([
      {
        kind: 'contact',
        id: 'AAMkADc3MWUy=c1',
        displayName: 'Jürgen Weiß',
        givenName: 'Jürgen',
        middleName: '',
        surname: 'Weiß',
        nickname: '',
        companyName: 'Müller & Söhne GmbH',
        jobTitle: 'Einkaufsleiter',
        department: '',
        emails: [
          { address: 'j.weiss@mueller-soehne.example', name: 'Jürgen Weiß' },
          { address: 'juergen@private.example', name: 'Jürgen (privat)' },
        ],
        phones: [
          { type: 'business', number: '+49 30 1234567' },
          { type: 'mobile', number: '+49 171 9876543' },
        ],
        addresses: [
          { type: 'home', street: 'Gartenweg 12a', city: 'Potsdam', state: '', postalCode: '14467', countryOrRegion: 'Deutschland' },
        ],
        birthday: '1975-04-30',
        categories: ['Customer'],
        notes: 'Prefers calls before 10:00.',
        lastModified: '2026-11-30T08:15:02.000Z',
      },
    ]);
    expect(skipped.map((s) => [s.itemId, s.error.id, s.error.params.itemClass])).toEqual([
      ['AAMkADc3MWUy=dl1', 'pump.item.otherKind', 'DistributionList'],
    ]);
    expect(skipped[0].error.render().message).toContain('DistributionList');
    // GetItem asked for every property the normalised contact needs, the body as text.
    const getItem = http.requests.map((r) => r.body ?? '').find((b) => b.includes('GetItem'))!;
    expect(getItem).toContain('<t:BodyType>Text</t:BodyType>');
    expect(getItem).toContain('FieldURI="contacts:PhysicalAddresses"');
  });

  it('reads a task whose dates are local midnight in Berlin as those dates', async () => {
    const http = new FixtureHttp().on('FindItem', 'find-item-tasks-2016.xml').on('GetItem', 'get-item-tasks-2016.xml');
    const { items } = await read(http, 'tasks');
    expect(items).toEqual([
      {
        kind: 'task',
        id: 'AAMkADc3MWUy=t1',
        subject: 'Quartalsbericht vorbereiten',
        status: 'completed',
        importance: 'high',
        startDate: '2026-11-30',
        dueDate: '2026-12-04',
        completedDate: '2026-12-03',
        categories: [],
        body: '',
        lastModified: '2026-12-01T07:30:00.000Z',
      },
    ]);
  });
});
