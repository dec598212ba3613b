// Group and room-list members on answers shaped as Graph v1.0 sends them: the group found by mail, transitiveMembers
// paged by @odata.nextLink with users, nested groups, org contacts, devices and a user without a mailbox mixed (each
// told apart by @odata.type), a group gone between two requests (404), and a room list's rooms.
import { describe, expect, it } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../../../src/core/auth/http-send.js';
import type { TokenProvider } from '../../../../src/core/auth/token-provider.js';
import { createGraphConnector } from '../../../../src/core/connectors/graph/index.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../../src/core/secrets/memory-secret-store.js';
import { graphProfileSchema } from '../../../../src/shared/profile.js';
import { fixture } from './fixtures.js';

const tokens: TokenProvider = {
  getAccessToken: async () => 'header.eyJyb2xlcyI6WyJHcm91cE1lbWJlci5SZWFkLkFsbCJdfQ.sig',
  login: async () => {
    throw new Error('not used');
  },
  logout: async () => undefined,
  status: async () => {
    throw new Error('not used');
  },
};

/** Answers by path (and query marker): each route a queue of [status, fixture]. */
function fixtureGraph(routes: Array<[RegExp, number, string]>) {
  const requests: string[] = [];
  const http = async (req: HttpRequest): Promise<HttpResponse> => {
    requests.push(decodeURIComponent(req.url));
    const i = routes.findIndex(([re]) => re.test(decodeURIComponent(req.url)));
    if (i < 0) throw new Error(`no fixture for ${req.url}`);
    const [[, status, name]] = routes.splice(i, 1);
    return { status, headers: { 'content-type': 'application/json' }, body: fixture(name) };
  };
  const profile = graphProfileSchema.parse({
    id: 'g1',
    name: 'm365',
    kind: 'graph',
    tenantId: 'contoso.onmicrosoft.com',
    clientId: '11111111-2222-3333-4444-555555555555',
    flow: 'clientCredentials',
    credential: 'secret',
  });
  const connector = createGraphConnector(profile, { secrets: new MemorySecretStore(), logger: nullLogger }, { http, tokens });
  return { connector, requests, left: () => routes.length };
}

describe('Graph group members on recorded answers', () => {
  it('pages transitiveMembers and keeps only users with a mailbox', async () => {
    const g = fixtureGraph([
      [/\/groups\?\$filter=mail eq 'sales@contoso.com'/, 200, 'groups-by-mail.json'],
      [/transitiveMembers\?.*skiptoken/, 200, 'transitive-members-page2.json'],
      [/\/groups\/02bd9fd6-8f93-4758-87c3-1fb73740a315\/transitiveMembers\?/, 200, 'transitive-members-page1.json'],
    ]);
    const members = await g.connector.groupMembers!('Sales@contoso.com');
    expect(g.left()).toBe(0);
    expect(members.map((m) => [m.smtp, m.upn, m.kind])).toEqual([
      ['Alice.Smith@contoso.com', 'alice.smith@contoso.com', 'user'],
      ['jan.devries@contoso.com', 'jan.devries@contoso.com', 'user'],
      ['anna.schneider@contoso.com', 'anna.schneider@contoso.com', 'user'],
    ]);
  });

  it('no group with that mail, or the group deleted between two requests: pump.group.notFound', async () => {
    const none = fixtureGraph([[/\/groups\?/, 200, 'groups-by-mail-none.json']]);
    await expect(none.connector.groupMembers!('nobody@contoso.com')).rejects.toMatchObject({ id: 'pump.group.notFound' });
    const gone = fixtureGraph([
      [/\/groups\?/, 200, 'groups-by-mail.json'],
      [/transitiveMembers/, 404, 'error-404-group.json'],
    ]);
    await expect(gone.connector.groupMembers!('sales@contoso.com')).rejects.toMatchObject({
      id: 'pump.group.notFound',
      params: { group: 'sales@contoso.com' },
    });
  });

  it('a room list gives its rooms', async () => {
    const g = fixtureGraph([[/\/places\/roomlist\.amsterdam@contoso\.com\/microsoft\.graph\.roomlist\/rooms/, 200, 'roomlist-rooms.json']]);
    expect((await g.connector.roomListMembers!('roomlist.amsterdam@contoso.com')).map((m) => [m.smtp, m.displayName, m.kind])).toEqual([
      ['room.amsterdam@contoso.com', 'Amsterdam Herengracht', 'room'],
    ]);
  });
});
