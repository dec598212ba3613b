// Series patterns read from the masters in one $batch, on an answer shaped as Graph sends it: members out of order,
// every pattern property filled whatever the type (month 0, index "first", endDate "0001-01-01"), a master deleted
// meanwhile (404) and an event that is no series (recurrence null) without a pattern.
import { describe, expect, it } from 'vitest';
import { createGraphConnector } from '../../../../src/core/connectors/graph/index.js';
import type { HttpRequest, HttpResponse } from '../../../../src/core/auth/http-send.js';
import { nullLogger } from '../../../../src/core/log/logger.js';
import { MemorySecretStore } from '../../../../src/core/secrets/memory-secret-store.js';
import { graphProfileSchema } from '../../../../src/shared/profile.js';
import { fixture } from './fixtures.js';
import { fixedTokens } from './support.js';
import { EVERY_OTHER_MON_WED } from '../../../support/sample-recurrence.js';

function connectorAnswering(answer: (req: HttpRequest) => HttpResponse) {
  const requests: HttpRequest[] = [];
  const http = async (req: HttpRequest) => {
    requests.push(req);
    return answer(req);
  };
  const profile = graphProfileSchema.parse({
    id: 'g1',
    name: 'm365',
    kind: 'graph',
    tenantId: 'contoso.onmicrosoft.com',
    clientId: '00000000-0000-0000-0000-000000000001',
    flow: 'clientCredentials',
    credential: 'secret',
  });
  return {
    requests,
    connector: createGraphConnector(profile, { secrets: new MemorySecretStore(), logger: nullLogger }, { http, tokens: fixedTokens }),
  };
}

const ids = ['AAMkAGI2TG9WEEKLY=', 'AAMkAGI2TG9MONTHLY=', 'AAMkAGI2TG9GONE=', 'AAMkAGI2TG9DAILY=', 'AAMkAGI2TG9SINGLE='];

describe('Graph series patterns', () => {
  it('reads each master once, in one $batch, keeping only what the pattern type uses', async () => {
    const { connector, requests } = connectorAnswering(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: fixture('batch-series-recurrence.json'),
    }));
    const patterns = await connector.seriesRecurrence!('anna.schmidt@contoso.com', [...ids, ids[1]]);
    expect(requests).toHaveLength(1);
    const members = (JSON.parse(requests[0].body!) as { requests: Array<{ id: string; url: string }> }).requests;
    expect(members.map((m) => m.url)).toEqual(
      ids.map((id) => `/users/anna.schmidt%40contoso.com/events/${encodeURIComponent(id)}?$select=recurrence`),
    );
    expect(Object.fromEntries(patterns)).toEqual({
      'AAMkAGI2TG9WEEKLY=': EVERY_OTHER_MON_WED,
      'AAMkAGI2TG9MONTHLY=': {
        type: 'relativeMonthly',
        interval: 1,
        daysOfWeek: ['friday'],
        index: 'last',
        range: 'noEnd',
        startDate: '2026-01-30',
      },
      'AAMkAGI2TG9DAILY=': { type: 'daily', interval: 3, range: 'numbered', startDate: '2026-02-01', count: 10 },
    });
  });

  it('a refusal other than a deleted master is thrown as the mapped error', async () => {
    const { connector } = connectorAnswering(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        responses: [{ id: '1', status: 403, headers: {}, body: JSON.parse(fixture('error-403-access-denied.json')) as unknown }],
      }),
    }));
    await expect(connector.seriesRecurrence!('anna.schmidt@contoso.com', ['AAMkAGI2TG9WEEKLY='])).rejects.toMatchObject({
      id: expect.stringMatching(/^graph\./) as unknown,
    });
  });
});
