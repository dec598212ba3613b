// The one way out to the system browser: allow-listed links open as parsed, the rest is refused and reported.
import { describe, expect, it } from 'vitest';
import { authorityOrigins, createLinkOpener } from '../../src/main/external-links.js';
import { profileSchema } from '../../src/shared/profile.js';

function opener(origins: string[] = [], fail = false) {
  const opened: string[] = [];
  const refused: Array<[string, string]> = [];
  const links = createLinkOpener(
    {
      openExternal: async (u) => {
        if (fail) throw new Error('no handler');
        opened.push(u);
      },
    },
    { origins: async () => origins, onRefused: (url, reason) => refused.push([url, reason]) },
  );
  return { links, opened, refused };
}

describe('link opener', () => {
  it('opens allow-listed links, normalised by the parser', async () => {
    const { links, opened, refused } = opener();
    expect(await links.open('HTTPS://Learn.Microsoft.COM/exchange')).toBe(true);
    expect(opened).toEqual(['https://learn.microsoft.com/exchange']);
    expect(refused).toEqual([]);
  });

  it('refuses and reports everything else, without the query string', async () => {
    const { links, opened, refused } = opener();
    expect(await links.open('ms-msdt:/id PCWDiagnostic')).toBe(false);
    expect(await links.open('https://login.microsoftonline.com.evil.example/?code=abc')).toBe(false);
    expect(await links.open('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(opened).toEqual([]);
    expect(refused).toEqual([
      ['ms-msdt:/id%20PCWDiagnostic', 'scheme'],
      ['https://login.microsoftonline.com.evil.example/', 'host'],
      ['file:///C:/Windows/System32/calc.exe', 'scheme'],
    ]);
  });

  it('opens the tenant authority the user typed, read when the link is opened', async () => {
    const origins: string[] = [];
    const { links, opened } = opener(origins);
    expect(await links.open('https://adfs.contoso.com/adfs/oauth2/authorize')).toBe(false);
    origins.push('https://adfs.contoso.com');
    expect(await links.open('https://adfs.contoso.com/adfs/oauth2/authorize')).toBe(true);
    expect(opened).toEqual(['https://adfs.contoso.com/adfs/oauth2/authorize']);
  });

  it('reports a link the system could not open', async () => {
    const { links, refused } = opener([], true);
    expect(await links.open('https://learn.microsoft.com/')).toBe(false);
    expect(refused).toEqual([['https://learn.microsoft.com/', 'failed']]);
  });
});

describe('authority origins from profiles', () => {
  const parse = (p: unknown) => profileSchema.parse(p);
  it('takes the sign-in authority fields of every profile kind, https only', () => {
    const profiles = [
      parse({
        id: 'g',
        name: 'Graph',
        kind: 'graph',
        tenantId: 'contoso.onmicrosoft.com',
        clientId: '00000000-0000-0000-0000-000000000001',
        authorityHost: 'https://login.microsoftonline.us',
      }),
      parse({
        id: 'e',
        name: 'Onprem',
        kind: 'ews',
        url: 'https://mail.contoso.com/EWS/Exchange.asmx',
        username: 'svc@contoso.com',
        auth: 'oauth',
        oauth: { tenantId: 'adfs', clientId: 'x', authorityHost: 'https://adfs.contoso.com/adfs/' },
      }),
      parse({
        id: 'l',
        name: 'Legacy',
        kind: 'ews',
        url: 'https://outlook.office365.com/EWS/Exchange.asmx',
        username: 'svc@contoso.com',
        legacyOnline: { tenantId: 't', clientId: 'c', authorityHost: 'http://insecure.contoso.com' },
      }),
    ];
    expect(authorityOrigins(profiles)).toEqual(['https://login.microsoftonline.us', 'https://adfs.contoso.com']);
  });
});
