// A fake HttpSender that answers with recorded Exchange responses from test/fixtures/ews, by operation.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { HttpRequest, HttpResponse } from '../../../../src/core/net/http-client.js';
import { createEwsConnector, type EwsConnectorOptions, type HttpSender } from '../../../../src/core/connectors/ews/index.js';
import { operationOf } from '../../../../src/core/connectors/ews/transport/ews-transport.js';
import { ewsProfileSchema, secretKey, type EwsProfile } from '../../../../src/shared/profile.js';
import { memorySecrets, recordingLogger } from '../../net/fakes.js';
import type { TextRef } from '../../../../src/shared/errors.js';

const FIXTURE_ROUTE: TextRef = { key: 'proxy.route.direct', params: { source: 'fixture' } };

export const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/ews', name), 'utf8');

export interface Answer {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string;
}

export class FixtureHttp implements HttpSender {
  readonly requests: HttpRequest[] = [];
  private readonly queues = new Map<string, Answer[]>();

  /** Queue answers for an EWS operation name (FindItem, GetItem…; 'GetItem:masters' for RecurringMasterItemId lookups), 'Autodiscover' or 'NtlmNegotiate'. */
  on(operation: string, ...answers: Array<Answer | string>): this {
    const q = this.queues.get(operation) ?? [];
    q.push(...answers.map((a) => (typeof a === 'string' ? { body: fixture(a) } : a)));
    this.queues.set(operation, q);
    return this;
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    this.requests.push(req);
    const body = req.body ?? '';
    // NTLM's first leg carries no body; Autodiscover bodies are not EWS SOAP.
    let op = !body
      ? 'NtlmNegotiate'
      : body.includes('<soap:Body>') && !body.includes('GetUserSettingsRequestMessage')
        ? operationOf(body)
        : 'Autodiscover';
    // Series-master lookups run beside a page's other GetItem: their own queue keeps answers independent of timing.
    if (op === 'GetItem' && body.includes('RecurringMasterItemId') && this.queues.has('GetItem:masters')) op = 'GetItem:masters';
    const answer = this.queues.get(op)?.shift();
    if (!answer) throw new Error(`FixtureHttp: no answer queued for ${op}`);
    return {
      status: answer.status ?? 200,
      headers: { 'content-type': 'text/xml; charset=utf-8', ...(answer.headers ?? {}) },
      body: answer.body ?? '',
      route: FIXTURE_ROUTE,
      via: 'DIRECT why=none',
    };
  }

  async newAgent(): Promise<undefined> {
    return undefined;
  }

  async describeRoute(): Promise<TextRef> {
    return FIXTURE_ROUTE;
  }

  pending(): string[] {
    return [...this.queues].filter(([, q]) => q.length).map(([op]) => op);
  }
}

export function fixtureProfile(over: Partial<EwsProfile> = {}): EwsProfile {
  return ewsProfileSchema.parse({
    id: 'fx',
    name: 'fixtures',
    kind: 'ews',
    url: 'https://mail.contoso.com/EWS/Exchange.asmx',
    auth: 'basic',
    username: 'svc-calpump@contoso.com',
    access: 'impersonation',
    mailDomain: 'contoso.com',
    timeZone: 'Europe/Berlin',
    ...over,
  });
}

export function fixtureConnector(http: FixtureHttp, over: Partial<EwsProfile> = {}, options: EwsConnectorOptions = {}) {
  const profile = fixtureProfile(over);
  const logger = recordingLogger();
  const waits: number[] = [];
  const connector = createEwsConnector(
    profile,
    { secrets: memorySecrets({ [secretKey(profile.id, 'password')]: 'Passw0rd!' }), logger },
    { http, sleep: async (ms) => void waits.push(ms), random: () => 0.5, ...options },
  );
  return { connector, logger, waits };
}
