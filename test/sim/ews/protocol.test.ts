import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { basic, envelope, rawRequest, responseCodes, soap } from '../support/ews-client.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 0 });
});
afterAll(() => sim.stop());
afterEach(() => sim.faults.clear());

const getFolder =
  '<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"/></m:FolderIds></m:GetFolder>';
const post = (body: string) => rawRequest(sim, '/EWS/Exchange.asmx', body, basic('svc-calpump@contoso.com'));
const faultCode = (body: string) => /<faultcode[^>]*>([^<]+)<\/faultcode>/.exec(body)?.[1];

describe('EWS protocol handling', () => {
  it('refuses DTDs: external entities (XXE) and entity expansion (billion laughs)', async () => {
    const xxe =
      `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
      envelope(getFolder).replace('<?xml version="1.0" encoding="utf-8"?>', '').replace('calendar', '&xxe;');
    const lol =
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>` +
      envelope(getFolder).replace('<?xml version="1.0" encoding="utf-8"?>', '').replace('calendar', '&lol3;');
    for (const body of [xxe, lol]) {
      const r = await post(body);
      expect(r.status).toBe(500);
      expect(faultCode(r.body)).toBe('a:ErrorSchemaValidation');
      expect(r.body).not.toContain('root:');
      expect(r.body).toContain('DTD is prohibited');
    }
  });

  it('answers malformed XML and unknown operations with ErrorSchemaValidation faults', async () => {
    expect(faultCode((await post('<soap:Envelope')).body)).toBe('a:ErrorSchemaValidation');
    const unknown = await post(envelope('<m:FrobnicateItem/>'));
    expect(faultCode(unknown.body)).toBe('a:ErrorSchemaValidation');
  });

  it('treats a missing RequestServerVersion as Exchange2007 and refuses newer operations', async () => {
    const ok = await soap(sim, getFolder, { version: null });
    expect(responseCodes(ok.doc)).toEqual(['NoError']);
    const lists = await soap(sim, '<m:GetRoomLists/>', { version: null });
    expect(faultCode(lists.body)).toBe('a:ErrorSchemaValidation');
    const bad = await soap(sim, getFolder, { version: 'Exchange2099' });
    expect(faultCode(bad.body)).toBe('a:ErrorInvalidServerVersion');
  });

  it('stages ErrorServerBusy with BackOffMilliseconds for the next matching operation only', async () => {
    sim.faults.stage({ kind: 'serverBusy', match: 'GetFolder', backOffMs: 1234 });
    const busy = await soap(sim, getFolder);
    expect(busy.status).toBe(500);
    expect(faultCode(busy.body)).toBe('a:ErrorServerBusy');
    expect(busy.body).toContain('<t:Value Name="BackOffMilliseconds">1234</t:Value>');
    expect((await soap(sim, getFolder)).status).toBe(200);
  });

  it('stages HTTP 500/503, SOAP faults and forms login redirects', async () => {
    sim.faults.stage({ kind: 'http503' });
    expect((await soap(sim, getFolder)).status).toBe(503);
    sim.faults.stage({ kind: 'http500', times: 2 });
    expect((await soap(sim, getFolder)).status).toBe(500);
    expect((await soap(sim, getFolder)).status).toBe(500);
    expect((await soap(sim, getFolder)).status).toBe(200);
    sim.faults.stage({ kind: 'soapFault' });
    expect(faultCode((await soap(sim, getFolder)).body)).toBe('a:ErrorInternalServerError');
    sim.faults.stage({ kind: 'formsLogin' });
    const fba = await soap(sim, getFolder);
    expect(fba.status).toBe(302);
    expect(fba.headers.location).toMatch(/\/owa\/auth\/logon\.aspx\?url=/);
    const page = await rawRequest(sim, new URL(fba.headers.location!).pathname, undefined, {}, 'GET');
    expect(page.body).toContain('name="password"');
  });

  it('stages only-Kerberos auth and 401s', async () => {
    sim.faults.stage({ kind: 'wrongAuthSchemes' });
    const r = await soap(sim, getFolder);
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toBe('Negotiate');
  });

  it('resets connections and truncates bodies', async () => {
    sim.faults.stage({ kind: 'reset' });
    await expect(soap(sim, getFolder)).rejects.toThrow();
    sim.faults.stage({ kind: 'truncate' });
    await expect(soap(sim, getFolder)).rejects.toThrow();
    expect(sim.faults.delivered).toMatchObject({ reset: 1, truncate: 1 });
  });

  it('injects random faults at the configured rate', async () => {
    sim.faults.faultRate = 1;
    let failures = 0;
    for (let i = 0; i < 8; i++) {
      const r = await soap(sim, getFolder).catch(() => undefined);
      if (!r || r.status !== 200) failures++;
    }
    expect(failures).toBe(8);
    sim.faults.faultRate = 0;
    expect((await soap(sim, getFolder)).status).toBe(200);
  });

  it('counts operations', async () => {
    sim.counters.reset();
    await soap(sim, getFolder);
    await soap(sim, getFolder);
    expect(sim.counters.operation('GetFolder')).toBe(2);
    expect(sim.counters.total).toBe(2);
  });
});
