// Error answers as Exchange (or what stands in front of it) sends them → catalogue ids, through the real
// transport with a fake network.
import { describe, expect, it } from 'vitest';
import { calpumpFailure as failure } from '../../../support/calpump-failure.js';
import { recordEwsRequestsForSchema } from '../../../support/ews-schema.js';
import { collect } from './sim-helpers.js';
import { withServerWaitListener, withThrottleObserver, type ServerWait } from '../../../../src/core/net/server-wait.js';
import { createEwsConnector } from '../../../../src/core/connectors/ews/index.js';
import { memorySecrets, recordingLogger } from '../../net/fakes.js';
import { FixtureHttp, fixture, fixtureConnector, fixtureProfile } from './fixture-http.js';

const schema = recordEwsRequestsForSchema();
const opts = { recorder: schema.recorder };
const from = new Date('2026-01-12T00:00:00Z');
const to = new Date('2026-01-19T00:00:00Z');

const view = (http: FixtureHttp, over = {}) =>
  collect(fixtureConnector(http, over, opts).connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to));
const busy = { status: 500, body: fixture('server-busy-fault-2019.xml') };

describe('EWS error answers → catalogue ids', () => {
  it('ErrorServerBusy (SOAP fault with BackOffMilliseconds) is retried after exactly that wait', async () => {
    const http = new FixtureHttp()
      .on('FindItem', busy, busy, 'find-item-calendarview-last-page-2019.xml')
      .on('GetItem', 'get-item-three-2016.xml', 'get-item-master-2016.xml');
    const { connector, waits } = fixtureConnector(http, {}, opts);
    const events = await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to));
    expect(events.length).toBeGreaterThan(0);
    expect(waits).toEqual([29786, 29786]);
  });

  it('ErrorServerBusy asking for ~30 s is announced (info log, listener) with length, reason and mailbox', async () => {
    const http = new FixtureHttp()
      .on('FindItem', busy, 'find-item-calendarview-last-page-2019.xml')
      .on('GetItem', 'get-item-three-2016.xml', 'get-item-master-2016.xml');
    const { connector, logger } = fixtureConnector(http, {}, opts);
    const heard: ServerWait[] = [];
    await withServerWaitListener(
      [connector.serverWaits],
      (w) => heard.push(w),
      () => collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to)),
    );
    expect(heard).toEqual([
      expect.objectContaining({ ms: 29786, reason: 'ErrorServerBusy', mailbox: 'anna.schmidt@contoso.com', operation: 'FindItem' }),
    ]);
    expect(logger.records.find((r) => r.event === 'net.serverWait')?.level).toBe('info');
  });

  it('tells the throttle observers each answered request with its send time; a busy answer is no answer', async () => {
    const http = new FixtureHttp()
      .on('FindItem', busy, 'find-item-calendarview-last-page-2019.xml')
      .on('GetItem', 'get-item-three-2016.xml', 'get-item-master-2016.xml');
    const { connector } = fixtureConnector(http, {}, opts);
    const waitsMet: number[] = [];
    const answers: number[] = [];
    const before = Date.now();
    await withThrottleObserver(
      connector.serverWaits,
      { wait: (w) => void waitsMet.push(Date.parse(w.until) - w.ms), answered: (sentAt) => void answers.push(sentAt) },
      () => collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to)),
    );
    // FindItem's retry and the two GetItems; the busy FindItem told only its wait, and the retry was sent after it.
    expect(waitsMet).toHaveLength(1);
    expect(answers).toHaveLength(http.requests.length - 1);
    expect(answers.every((t) => t >= before && t <= Date.now())).toBe(true);
    expect(answers[0]).toBeGreaterThanOrEqual(waitsMet[0]);
  });

  it('a 503 with Retry-After waits what the server asked and announces it; without one, the own back-off is silent', async () => {
    const unavailable = (headers: Record<string, string>) => ({
      status: 503,
      headers: { 'content-type': 'text/html', ...headers },
      body: '<html>busy</html>',
    });
    const http = new FixtureHttp()
      .on('FindItem', unavailable({ 'retry-after': '20' }), unavailable({}), 'find-item-calendarview-last-page-2019.xml')
      .on('GetItem', 'get-item-three-2016.xml', 'get-item-master-2016.xml');
    const { connector, waits } = fixtureConnector(http, {}, opts);
    const heard: ServerWait[] = [];
    await withServerWaitListener(
      [connector.serverWaits],
      (w) => heard.push(w),
      () => collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to)),
    );
    expect(waits).toEqual([20_000, 750]);
    expect(heard.map((w) => [w.ms, w.reason])).toEqual([[20_000, 'HTTP 503']]);
  });

  it('ErrorServerBusy that persists → ews.server.busy with the back-off, after bounded tries', async () => {
    const http = new FixtureHttp().on('FindItem', busy, busy, busy, busy, busy);
    const { connector, waits } = fixtureConnector(http, {}, opts);
    const err = await failure(collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to)));
    expect(err.id).toBe('ews.server.busy');
    expect(err.params.backoffMs).toBe('29786');
    expect(waits).toHaveLength(3);
    expect(http.pending()).toEqual(['FindItem']);
  });

  it('ErrorImpersonateUserDenied fault → ews.impersonation.denied naming account and mailbox', async () => {
    const err = await failure(view(new FixtureHttp().on('FindItem', { status: 500, body: fixture('impersonate-user-denied-2016.xml') })));
    expect(err.id).toBe('ews.impersonation.denied');
    expect(err.render().message).toBe(
      'Exchange answered ErrorImpersonateUserDenied: svc-calpump@contoso.com may not act as anna.schmidt@contoso.com.',
    );
    expect(err.render().delay).toContain('10 minutes');
  });

  it('ErrorNonExistentMailbox in a ResponseMessage → ews.mailbox.notFound', async () => {
    const err = await failure(view(new FixtureHttp().on('FindItem', 'nonexistent-mailbox-2016.xml'), { access: 'delegate' }));
    expect(err.id).toBe('ews.mailbox.notFound');
  });

  it('ErrorAccessDenied in delegate mode → ews.delegate.accessDenied; in impersonation mode → ews.access.denied', async () => {
    const delegate = fixtureConnector(
      new FixtureHttp().on('GetFolder', 'access-denied-delegate-2016.xml'),
      { access: 'delegate', username: 'svc-delegate@contoso.com' },
      opts,
    ).connector;
    const err = await failure(delegate.folderTree('jan.devries@contoso.com'));
    expect(err.id).toBe('ews.delegate.accessDenied');
    expect(err.params).toMatchObject({
      code: 'ErrorAccessDenied',
      username: 'svc-delegate@contoso.com',
      mailbox: 'jan.devries@contoso.com',
    });
    const imp = fixtureConnector(new FixtureHttp().on('GetFolder', 'access-denied-delegate-2016.xml'), {}, opts).connector;
    const err2 = await failure(imp.folderTree('jan.devries@contoso.com'));
    expect(err2.id).toBe('ews.access.denied');
    expect(err2.params.code).toBe('ErrorAccessDenied');
    expect(err2.render().message).toContain('jan.devries@contoso.com');
  });

  it('ErrorFolderNotFound for a folder id → ews.folder.notFound; for calendar in delegate mode → ews.delegate.accessDenied', async () => {
    const http = new FixtureHttp().on('FindItem', 'folder-not-found-2016.xml');
    const err = await failure(
      collect(fixtureConnector(http, {}, opts).connector.calendarView('anna.schmidt@contoso.com', 'AAMkADGone', from, to)),
    );
    expect(err.id).toBe('ews.folder.notFound');
    expect(err.params.folder).toBe('AAMkADGone');
    const err2 = await failure(view(new FixtureHttp().on('FindItem', 'folder-not-found-2016.xml'), { access: 'delegate' }));
    expect(err2.id).toBe('ews.delegate.accessDenied');
  });

  it('SOAP fault ErrorSchemaValidation → ews.request.invalid with the violation', async () => {
    const err = await failure(view(new FixtureHttp().on('FindItem', { status: 500, body: fixture('schema-validation-fault-2016.xml') })));
    expect(err.id).toBe('ews.request.invalid');
    expect(err.params.code).toBe('ErrorSchemaValidation');
    expect(err.render().message).toContain('ErrorSchemaValidation: The request failed schema validation');
  });

  it('401: wrong credentials → ews.auth.unauthorized; a scheme the server does not offer → ews.auth.schemeNotOffered', async () => {
    const unauthorized = {
      status: 401,
      headers: { 'content-type': 'text/html', 'www-authenticate': 'Negotiate, NTLM, Basic realm="mail.contoso.com"' },
      body: '',
    };
    const err = await failure(view(new FixtureHttp().on('FindItem', unauthorized)));
    expect(err.id).toBe('ews.auth.unauthorized');
    expect(err.params.username).toBe('svc-calpump@contoso.com');
    const onlyKerberos = { status: 401, headers: { 'www-authenticate': ['Negotiate', 'NTLM'] }, body: '' };
    const err2 = await failure(view(new FixtureHttp().on('FindItem', onlyKerberos)));
    expect(err2.id).toBe('ews.auth.schemeNotOffered');
    expect(err2.params).toEqual({ wanted: 'Basic', offered: 'Negotiate, NTLM' });
    const ntlmProfile = await failure(
      view(new FixtureHttp().on('NtlmNegotiate', { status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } }), { auth: 'ntlm' }),
    );
    expect(ntlmProfile.params).toEqual({ wanted: 'NTLM', offered: 'Basic' });
  });

  it('an OWA forms login page (200 HTML or 302 to logon.aspx) → ews.auth.formsLogin', async () => {
    const html = { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: fixture('owa-forms-login.html') };
    expect((await failure(view(new FixtureHttp().on('FindItem', html)))).id).toBe('ews.auth.formsLogin');
    const redirect = {
      status: 302,
      headers: {
        location: 'https://mail.contoso.com/owa/auth/logon.aspx?url=https%3a%2f%2fmail.contoso.com%2fEWS%2fExchange.asmx&reason=0',
      },
    };
    const err = await failure(view(new FixtureHttp().on('FindItem', redirect)));
    expect(err.id).toBe('ews.auth.formsLogin');
    expect(err.evidence).toContain('logon.aspx');
  });

  it('a truncated answer → ews.response.malformed naming the URL', async () => {
    const err = await failure(view(new FixtureHttp().on('FindItem', 'truncated-find-item.xml')));
    expect(err.id).toBe('ews.response.malformed');
    expect(err.params.url).toBe('https://mail.contoso.com/EWS/Exchange.asmx');
  });

  it('billion laughs and XXE payloads are refused before any parser sees them → ews.xml.unsafe', async () => {
    for (const name of ['billion-laughs.xml', 'xxe.xml']) {
      const c = fixtureConnector(new FixtureHttp().on('GetFolder', name), {}, opts).connector;
      expect((await failure(c.folderTree('anna.schmidt@contoso.com'))).id).toBe('ews.xml.unsafe');
    }
  });

  it('an answer nested 100,000 deep → ews.response.malformed ("nested deeper"), for the library path and the native one', async () => {
    const deep = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</s:Body></s:Envelope>`;
    const folders = fixtureConnector(new FixtureHttp().on('GetFolder', { body: deep }), {}, opts).connector;
    const a = await failure(folders.folderTree('anna.schmidt@contoso.com'));
    expect(a.id).toBe('ews.response.malformed');
    expect(a.evidence).toMatch(/nested deeper than \d+/);
    const b = await failure(view(new FixtureHttp().on('FindItem', { body: deep })));
    expect(b.id).toBe('ews.response.malformed');
  });

  it('an HTML 503 from a load balancer is retried with back-off, then succeeds', async () => {
    const unavailable = {
      status: 503,
      headers: { 'content-type': 'text/html' },
      body: '<html><body><h1>Service Unavailable</h1></body></html>',
    };
    const http = new FixtureHttp()
      .on('FindItem', unavailable, 'find-item-calendarview-last-page-2019.xml')
      .on('GetItem', 'get-item-three-2016.xml', 'get-item-master-2016.xml');
    const { connector, waits } = fixtureConnector(http, {}, opts);
    expect((await collect(connector.calendarView('anna.schmidt@contoso.com', 'calendar', from, to))).length).toBe(3);
    expect(waits).toEqual([375]);
  });

  it('a missing password is reported as secrets.missing, not as a server error', async () => {
    const http = new FixtureHttp();
    const connector = createEwsConnector(fixtureProfile(), { secrets: memorySecrets(), logger: recordingLogger() }, { http });
    const err = await failure(connector.folderTree('anna.schmidt@contoso.com'));
    expect(err.id).toBe('secrets.missing');
    expect(err.params).toEqual({ profile: 'fixtures', secret: 'password' });
    expect(http.requests).toEqual([]);
  });
});
