import { describe, expect, it } from 'vitest';
import { describeProxy, matchesNoProxy, resolveProxy } from '../../../src/core/net/proxy-resolution.js';
import { secretKey } from '../../../src/shared/profile.js';
import { memorySecrets } from './fakes.js';

const ctx = (env: NodeJS.ProcessEnv, setting?: Parameters<typeof resolveProxy>[1]['setting']) => ({
  setting,
  profileId: 'p1',
  secrets: memorySecrets({ [secretKey('p1', 'proxyPassword')]: 'pr0xy-s3cret' }),
  env,
});

describe('NO_PROXY matching', () => {
  it.each([
    ['mail.contoso.com', 'mail.contoso.com', 443, true],
    ['contoso.com', 'mail.contoso.com', 443, true],
    ['.contoso.com', 'mail.contoso.com', 443, true],
    ['*.contoso.com', 'mail.contoso.com', 443, true],
    ['.contoso.com', 'contoso.com', 443, true],
    ['contoso.com', 'notcontoso.com', 443, false],
    ['fabrikam.com,contoso.com', 'mail.contoso.com', 443, true],
    ['fabrikam.com contoso.com', 'mail.contoso.com', 443, true],
    ['mail.contoso.com:8443', 'mail.contoso.com', 443, false],
    ['mail.contoso.com:443', 'mail.contoso.com', 443, true],
    ['*', 'anything.example', 443, true],
    ['127.0.0.1', '127.0.0.1', 8080, true],
    ['MAIL.Contoso.COM', 'mail.contoso.com', 443, true],
    ['', 'mail.contoso.com', 443, false],
  ])('%j vs %s:%d → %s', (list, host, port, expected) => {
    expect(matchesNoProxy(list, host, port)).toBe(expected);
  });
});

describe('resolveProxy', () => {
  const target = new URL('https://mail.contoso.com/EWS/Exchange.asmx');

  it('system: HTTPS_PROXY for https targets, shown with its source and without credentials', async () => {
    const r = await resolveProxy(target, ctx({ HTTPS_PROXY: 'http://u:pw@proxy.corp:3128', HTTP_PROXY: 'http://other:8080' }));
    expect(r.kind).toBe('proxy');
    expect(r.username).toBe('u');
    expect(r.password).toBe('pw');
    expect(describeProxy(r)).toBe('proxy http://proxy.corp:3128 as u (from HTTPS_PROXY)');
    expect(describeProxy(r)).not.toContain('pw');
  });

  it('system: falls back to lower-case and HTTP_PROXY', async () => {
    expect(describeProxy(await resolveProxy(target, ctx({ https_proxy: 'proxy.corp:3128' })))).toBe(
      'proxy http://proxy.corp:3128 (from https_proxy)',
    );
    expect(describeProxy(await resolveProxy(target, ctx({ HTTP_PROXY: 'http://proxy.corp:8080' })))).toBe(
      'proxy http://proxy.corp:8080 (from HTTP_PROXY)',
    );
    const plain = await resolveProxy(new URL('http://mail.contoso.com/'), ctx({ HTTPS_PROXY: 'http://p:1' }));
    expect(plain.kind).toBe('direct');
  });

  it('system: NO_PROXY bypasses the proxy and says so', async () => {
    const r = await resolveProxy(target, ctx({ HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'localhost,.contoso.com' }));
    expect(describeProxy(r)).toBe('direct (host in NO_PROXY)');
    const other = await resolveProxy(
      new URL('https://outlook.office365.com/'),
      ctx({ HTTPS_PROXY: 'http://proxy.corp:3128', no_proxy: '.contoso.com' }),
    );
    expect(other.kind).toBe('proxy');
  });

  it('system without variables is direct', async () => {
    expect(describeProxy(await resolveProxy(target, ctx({})))).toBe('direct (no proxy variable set)');
  });

  it('url: password comes from the SecretStore, never from the profile', async () => {
    const r = await resolveProxy(
      target,
      ctx({ HTTPS_PROXY: 'http://ignored:1' }, { mode: 'url', url: 'http://proxy.corp:3128', username: 'svc-proxy' }),
    );
    expect(r.proxyUrl?.href).toBe('http://proxy.corp:3128/');
    expect(r.username).toBe('svc-proxy');
    expect(r.password).toBe('pr0xy-s3cret');
    expect(describeProxy(r)).toBe('proxy http://proxy.corp:3128 as svc-proxy (from profile)');
  });

  it('none: always direct, even with variables set', async () => {
    const r = await resolveProxy(target, ctx({ HTTPS_PROXY: 'http://proxy.corp:3128' }, { mode: 'none' }));
    expect(describeProxy(r)).toBe('direct (profile proxy: none)');
  });
});
