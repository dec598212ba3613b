// Group members through ExpandDL on answers shaped as Exchange 2016/2019 send them: one level per answer, nested
// groups as PublicDL, contacts, public folders and Microsoft 365 groups beside mailboxes, a cycle back to the first
// group, a truncated expansion, and an unknown address. Every request built here is validated against the schema.
import { describe, expect, it } from 'vitest';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { FixtureHttp, fixtureConnector } from './fixture-http.js';

const schema = recordEwsRequestsForSchema();
const opts = { recorder: schema.recorder };
const asked = (http: FixtureHttp) =>
  http.requests.map((r) => /<t:EmailAddress>([^<]*)<\/t:EmailAddress><\/m:Mailbox><\/m:ExpandDL>/.exec(r.body ?? '')?.[1]).filter(Boolean);

describe('EWS ExpandDL on recorded Exchange answers', () => {
  it('expands nested groups once each, keeps only mailboxes, and ends the Sales ↔ EMEA Sales cycle', async () => {
    const http = new FixtureHttp().on('ExpandDL', 'expand-dl-sales-2019.xml', 'expand-dl-emea-2016.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const members = await connector.groupMembers!('sales@contoso.com');
    expect(http.pending()).toEqual([]);
    expect(asked(http)).toEqual(['sales@contoso.com', 'emea.sales@contoso.com']);
    expect(members.map((m) => [m.smtp, m.displayName])).toEqual([
      ['Alice.Smith@contoso.com', 'Alice Smith'],
      ['anna.schneider@contoso.com', 'Anna Schneider'],
      ['jan.devries@contoso.com', 'Jan de Vries'],
      ['room.board@contoso.com', 'Board Room'],
    ]);
    // Exchange requests impersonate nobody for a directory call.
    expect(http.requests.some((r) => (r.body ?? '').includes('ExchangeImpersonation'))).toBe(false);
  });

  it('a truncated expansion is an error, never a shorter member list', async () => {
    const http = new FixtureHttp().on('ExpandDL', 'expand-dl-truncated-2016.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    await expect(connector.groupMembers!('everyone@contoso.com')).rejects.toMatchObject({
      id: 'pump.group.incomplete',
      params: { group: 'everyone@contoso.com' },
    });
  });

  it('an unknown group is pump.group.notFound; a nested group gone between two answers is skipped', async () => {
    const http = new FixtureHttp().on('ExpandDL', 'expand-dl-no-results-2016.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    await expect(connector.groupMembers!('nobody@contoso.com')).rejects.toMatchObject({
      id: 'pump.group.notFound',
      params: { group: 'nobody@contoso.com' },
    });

    const nested = new FixtureHttp().on('ExpandDL', 'expand-dl-sales-2019.xml', 'expand-dl-no-results-2016.xml');
    const second = fixtureConnector(nested, {}, opts).connector;
    expect((await second.groupMembers!('sales@contoso.com')).map((m) => m.smtp)).toEqual([
      'Alice.Smith@contoso.com',
      'anna.schneider@contoso.com',
    ]);
  });
});
