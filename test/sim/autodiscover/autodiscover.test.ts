import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { basic, rawRequest } from '../support/ews-client.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 0 });
});
afterAll(() => sim.stop());

const OUT = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';
const RESP = 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006';
const pox = (email: string, schema = OUT) =>
  `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request><EMailAddress>${email}</EMailAddress><AcceptableResponseSchema>${schema}</AcceptableResponseSchema></Request></Autodiscover>`;
const poxPost = (email: string, schema?: string, headers = basic('svc-calpump@contoso.com')) =>
  rawRequest(sim, '/autodiscover/autodiscover.xml', pox(email, schema), headers);
const text = (xml: string, ns: string, name: string) =>
  new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagNameNS(ns, name)[0]?.textContent;

describe('POX Autodiscover', () => {
  it('requires authentication', async () => {
    const r = await poxPost('alice.smith@contoso.com', undefined, {});
    expect(r.status).toBe(401);
  });

  it('returns EXCH and EXPR protocol blocks with the EWS URL', async () => {
    const r = await poxPost('anna.schmidt@contoso.com');
    expect(r.status).toBe(200);
    const doc = new DOMParser().parseFromString(r.body, 'text/xml');
    const protocols = Array.from(doc.getElementsByTagNameNS(OUT, 'Protocol'));
    const types = protocols.map((p) => p.getElementsByTagNameNS(OUT, 'Type')[0]?.textContent);
    expect(types).toEqual(['EXCH', 'EXPR', 'WEB']);
    expect(protocols[0].getElementsByTagNameNS(OUT, 'EwsUrl')[0].textContent).toBe(sim.ewsUrl);
    expect(text(r.body, OUT, 'ServerVersion')).toBe('73C2845E');
    expect(text(r.body, OUT, 'AutoDiscoverSMTPAddress')).toBe('anna.schmidt@contoso.com');
  });

  it('redirects moved users and unknown addresses get error 500', async () => {
    const moved = await poxPost('moved.user@contoso.com');
    expect(text(moved.body, OUT, 'Action')).toBe('redirectAddr');
    expect(text(moved.body, OUT, 'RedirectAddr')).toBe('alice.smith@contoso.com');
    sim.world.autodiscoverRedirects['hybrid@contoso.com'] = {
      redirectUrl: 'https://autodiscover-s.outlook.com/autodiscover/autodiscover.xml',
    };
    const url = await poxPost('hybrid@contoso.com');
    expect(text(url.body, OUT, 'RedirectUrl')).toBe('https://autodiscover-s.outlook.com/autodiscover/autodiscover.xml');
    const unknown = await poxPost('nobody@contoso.com');
    expect(text(unknown.body, RESP, 'ErrorCode')).toBe('500');
    expect(text(unknown.body, RESP, 'Message')).toBe("The email address can't be found.");
    const schema = await poxPost('alice.smith@contoso.com', 'urn:nope');
    expect(text(schema.body, RESP, 'ErrorCode')).toBe('601');
  });
});

describe('SOAP Autodiscover', () => {
  it('answers GetUserSettings through ews-javascript-api', async () => {
    const ews = (await import('ews-javascript-api')).default;
    const { XhrApi } = await import('@ewsjs/xhr');
    const plain = await startSimulator({ tls: false, world: sim.world });
    try {
      ews.ConfigurationApi.ConfigureXHR(new XhrApi({}).useNtlmAuthentication('CONTOSO\\svc-calpump', 'Passw0rd!'));
      const svc = new ews.AutodiscoverService(new ews.Uri(`${plain.url}/autodiscover/autodiscover.svc`), ews.ExchangeVersion.Exchange2013);
      svc.Credentials = new ews.WebCredentials('CONTOSO\\svc-calpump', 'Passw0rd!');
      const r = await svc.GetUsersSettings(
        ['jan.devries@contoso.com', 'ghost@contoso.com'],
        ews.UserSettingName.ExternalEwsUrl,
        ews.UserSettingName.UserDisplayName,
      );
      const [jan, ghost] = r.GetEnumerator();
      expect(jan.ErrorCode).toBe(ews.AutodiscoverErrorCode.NoError);
      expect(jan.Settings.get(ews.UserSettingName.ExternalEwsUrl)).toBe(plain.ewsUrl);
      expect(jan.Settings.get(ews.UserSettingName.UserDisplayName)).toBe('Jan de Vries');
      expect(ghost.ErrorCode).toBe(ews.AutodiscoverErrorCode.InvalidUser);
    } finally {
      await plain.stop();
    }
  });
});
