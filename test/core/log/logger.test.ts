import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalpumpError } from '../../../src/core/errors/calpump-error.js';
import { createLogger, MemorySink, REDACTED, RotatingFileSink, TextStreamSink } from '../../../src/core/log/index.js';
import { parseJson } from '../../support/typed-json.js';

const PASSWORD = 'Sup3r$ecret&<pw>';

function memLogger(level: 'error' | 'warn' | 'info' | 'debug' | 'all' = 'all') {
  const sink = new MemorySink();
  const logger = createLogger({ sinks: [sink], level });
  const dump = () => JSON.stringify(sink.records);
  return { logger, sink, dump };
}

describe('logger levels', () => {
  it('drops records below the level; all = trace', () => {
    const { logger, sink } = memLogger('warn');
    logger.error('e');
    logger.warn('w');
    logger.info('i');
    logger.debug('d');
    logger.trace('t');
    expect(sink.records.map((r) => r.level)).toEqual(['error', 'warn']);
    const all = memLogger('all');
    all.logger.trace('t');
    expect(all.sink.records.map((r) => r.level)).toEqual(['trace']);
  });

  it('each sink applies its own level too, and children carry fields', () => {
    const quiet = new MemorySink('warn');
    const loud = new MemorySink('debug');
    const logger = createLogger({ sinks: [quiet, loud], level: 'debug' }).child({ profile: 'demo' });
    logger.info('x', { n: 1 });
    expect(quiet.records).toHaveLength(0);
    expect(loud.records[0]).toMatchObject({ event: 'x', level: 'info', fields: { profile: 'demo', n: 1 } });
  });
});

describe('redaction inside the logger', () => {
  it('redacts values of secret-looking field names at any depth', () => {
    const { logger, dump } = memLogger();
    logger.info('x', {
      password: 'p1-value',
      nested: {
        client_secret: 'cs-value',
        headers: { Authorization: 'Basic aaa', Cookie: 'sid=ck-value', 'Proxy-Authorization': 'NTLM px' },
      },
      list: [{ access_token: 'at-value', refresh_token: 'rt-value', assertion: 'as-value', proxyPassword: 'pp-value' }],
      user: 'svc-calpump@contoso.com',
    });
    const out = dump();
    for (const v of ['p1-value', 'cs-value', 'aaa', 'ck-value', 'NTLM px', 'at-value', 'rt-value', 'as-value', 'pp-value'])
      expect(out).not.toContain(v);
    expect(out).toContain('svc-calpump@contoso.com');
  });

  it('redacts Authorization and Proxy-Authorization values inside strings, keeping the scheme', () => {
    const { logger, sink } = memLogger();
    const basic = Buffer.from('CONTOSO\\svc:hunter22').toString('base64');
    logger.trace('http.request', {
      raw: `POST /EWS/Exchange.asmx HTTP/1.1\r\nAuthorization: Basic ${basic}\r\nProxy-Authorization: NTLM TlRMTVNTUAADAAAAGAAYAEgAAAA=\r\nHost: x\r\n`,
      json: '{"authorization":"Bearer eyJhbGciOi.eyJzdWIi.sig"}',
      text: 'retrying with Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAu and Bearer abc.def-ghi',
      other: `token in error: Basic ${basic}`,
    });
    const out = JSON.stringify(sink.records);
    expect(out).not.toContain(basic);
    expect(out).not.toContain('TlRMTVNTUAADAAAAGAAYAEgAAAA');
    expect(out).not.toContain('eyJhbGciOi');
    expect(out).not.toContain('YIIGhgYGKwYBBQUCoIIGejCCBnagMDAu');
    expect(out).not.toContain('abc.def-ghi');
    expect(out).toContain(`Authorization: Basic ${REDACTED}`);
    expect(out).toContain(`Proxy-Authorization: NTLM ${REDACTED}`);
    expect(out).toContain('Host: x');
  });

  it('keeps ordinary words after Basic/NTLM', () => {
    const { logger, sink } = memLogger();
    logger.info('auth.offered', { text: 'server offers Basic authentication and NTLM only' });
    expect(sink.records[0].fields.text).toBe('server offers Basic authentication and NTLM only');
  });

  it('redacts password, token and secret XML elements', () => {
    const { logger, dump } = memLogger();
    logger.trace('soap', {
      body: '<soap:Header><wsse:Password Type="PasswordText">xml-pw-1</wsse:Password><t:Password>xml-pw-2</t:Password><wsse:BinarySecurityToken>tok-3</wsse:BinarySecurityToken></soap:Header><t:Subject>Standup</t:Subject>',
    });
    const out = dump();
    for (const v of ['xml-pw-1', 'xml-pw-2', 'tok-3']) expect(out).not.toContain(v);
    expect(out).toContain('Standup');
    expect(out).toContain(`<t:Password>${REDACTED}</t:Password>`);
  });

  it('redacts access_token and friends in query strings and form bodies, and URL user info', () => {
    const { logger, dump } = memLogger();
    logger.debug('oauth', {
      url: 'https://graph.example/v1.0/me?access_token=qs-at&$top=5',
      body: 'grant_type=refresh_token&refresh_token=form-rt&client_secret=form-cs&client_assertion=form-ca&password=form-pw',
      proxy: 'http://proxyuser:url-pw@proxy.contoso.com:8080/',
    });
    const out = dump();
    for (const v of ['qs-at', 'form-rt', 'form-cs', 'form-ca', 'form-pw', 'url-pw']) expect(out).not.toContain(v);
    expect(out).toContain('$top=5');
    expect(out).toContain('grant_type=refresh_token');
    expect(out).toContain('proxyuser');
  });

  it('scrubs a registered secret wherever it appears, also encoded, in children too', () => {
    const { logger, dump } = memLogger();
    const child = logger.child({ mailbox: 'anna.schmidt@contoso.com' });
    logger.registerSecret(PASSWORD);
    child.error(`login failed for ${PASSWORD}`, {
      free: `the value was ${PASSWORD}`,
      xml: `<t:Foo>${PASSWORD.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</t:Foo>`,
      url: `https://x/?p=${encodeURIComponent(PASSWORD)}`,
      b64: Buffer.from(PASSWORD).toString('base64'),
      err: new Error(`boom ${PASSWORD}`),
    });
    const out = dump();
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toContain(encodeURIComponent(PASSWORD));
    expect(out).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(out).not.toContain('Sup3r$ecret&amp;');
    expect(out).toContain('anna.schmidt@contoso.com');
  });

  it('serialises errors (CalpumpError id, evidence) and cycles; stacks only at debug', () => {
    const { logger, sink } = memLogger('info');
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    logger.error('failed', { err: new CalpumpError('net.unreachable', { evidence: 'ECONNREFUSED' }), cyclic });
    const fields = sink.records[0].fields as { err: Record<string, unknown>; cyclic: Record<string, unknown> };
    expect(fields.err).toMatchObject({ id: 'net.unreachable', evidence: 'ECONNREFUSED' });
    expect(fields.err.stack).toBeUndefined();
    expect(fields.cyclic.self).toBe('[Circular]');
    const debug = memLogger('debug');
    debug.logger.error('failed', { err: new Error('x') });
    expect((debug.sink.records[0].fields.err as { stack?: string }).stack).toContain('Error: x');
  });
});

describe('sinks', () => {
  it('writes JSON lines to a 0600 file and rotates by size, keeping N generations', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'calpump-log-'));
    const path = join(dir, 'logs', 'calpump.log');
    const logger = createLogger({ sinks: [new RotatingFileSink({ path, level: 'info', maxBytes: 400, keep: 2 })] });
    for (let i = 0; i < 30; i++) logger.info('tick', { i, pad: 'x'.repeat(40) });
    const files = (await readdir(join(dir, 'logs'))).sort();
    expect(files).toEqual(['calpump.log', 'calpump.log.1', 'calpump.log.2']);
    const lines = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => parseJson<unknown>(l));
    expect(lines.at(-1)).toMatchObject({ level: 'info', event: 'tick', fields: { i: 29 } });
    expect((await stat(path)).size).toBeLessThanOrEqual(400);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('prints a short human line to a stream', () => {
    let text = '';
    const logger = createLogger({ sinks: [new TextStreamSink({ stream: { write: (c: string) => (text += c) }, level: 'warn' })] });
    logger.warn('secrets.keyFilePermissive', { file: '/tmp/a b/secret.key', mode: '644' });
    logger.info('hidden');
    expect(text).toBe('WARN  secrets.keyFilePermissive file="/tmp/a b/secret.key" mode=644\n');
  });
});
