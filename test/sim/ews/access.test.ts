import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { all, first, responseCodes, soap, T } from '../support/ews-client.js';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ eventsPerMailbox: 0 });
});
afterAll(() => sim.stop());

const getFolder = (id: string, mailbox?: string) =>
  `<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="${id}">${
    mailbox ? `<t:Mailbox><t:EmailAddress>${mailbox}</t:EmailAddress></t:Mailbox>` : ''
  }</t:DistinguishedFolderId></m:FolderIds></m:GetFolder>`;

const faultCode = (doc: Document) => doc.getElementsByTagName('faultcode')[0]?.textContent;

describe('impersonation', () => {
  it('accepts PrimarySmtpAddress, SmtpAddress and PrincipalName (UPN) headers', async () => {
    for (const [kind, value] of [
      ['PrimarySmtpAddress', 'jan.devries@contoso.com'],
      ['SmtpAddress', 'JAN.DEVRIES@contoso.com'],
      ['PrincipalName', 'b.jones@corp.contoso.local'],
    ] as const) {
      const r = await soap(sim, getFolder('calendar'), { impersonate: value, impersonateKind: kind });
      expect(responseCodes(r.doc), kind).toEqual(['NoError']);
    }
  });

  it('denies impersonation without the role, as a SOAP fault', async () => {
    const r = await soap(sim, getFolder('calendar'), { user: 'svc-delegate@contoso.com', impersonate: 'alice.smith@contoso.com' });
    expect(r.status).toBe(500);
    expect(faultCode(r.doc)).toBe('a:ErrorImpersonateUserDenied');
    expect(r.body).toContain(
      '<e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorImpersonateUserDenied</e:ResponseCode>',
    );
  });

  it('denies mailboxes outside the management scope', async () => {
    const r = await soap(sim, getFolder('calendar'), { impersonate: 'carol.evans@contoso.com' });
    expect(faultCode(r.doc)).toBe('a:ErrorImpersonateUserDenied');
  });

  it('answers ErrorNonExistentMailbox for unknown mailboxes', async () => {
    const r = await soap(sim, getFolder('calendar'), { impersonate: 'ghost@contoso.com' });
    expect(r.status).toBe(500);
    expect(faultCode(r.doc)).toBe('a:ErrorNonExistentMailbox');
  });
});

describe('delegate access', () => {
  const as = { user: 'CONTOSO\\svc-delegate' };

  it('reads calendars it is Reviewer on', async () => {
    for (const mb of ['alice.smith@contoso.com', 'anna.schmidt@contoso.com']) {
      const r = await soap(sim, getFolder('calendar', mb), as);
      expect(responseCodes(r.doc), mb).toEqual(['NoError']);
    }
  });

  it('is denied where it has only the default free/busy right', async () => {
    const r = await soap(sim, getFolder('calendar', 'jan.devries@contoso.com'), as);
    expect(responseCodes(r.doc)).toEqual(['ErrorAccessDenied']);
    const items = await soap(
      sim,
      `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:CalendarView StartDate="2026-01-01T00:00:00Z" EndDate="2026-02-01T00:00:00Z"/><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>jan.devries@contoso.com</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:ParentFolderIds></m:FindItem>`,
      as,
    );
    expect(responseCodes(items.doc)).toEqual(['ErrorAccessDenied']);
  });

  it('sees only the shared subfolders of a calendar', async () => {
    const r = await soap(
      sim,
      `<m:FindFolder Traversal="Deep"><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>anna.schmidt@contoso.com</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:ParentFolderIds></m:FindFolder>`,
      as,
    );
    expect(responseCodes(r.doc)).toEqual(['NoError']);
    expect(all(r.doc, T, 'DisplayName')).toHaveLength(0);
    const alice = await soap(sim, getFolder('calendar', 'alice.smith@contoso.com'), as);
    expect(first(alice.doc, T, 'DisplayName')?.textContent).toBe('Calendar');
  });

  it('uses its own mailbox without a Mailbox element', async () => {
    const r = await soap(sim, getFolder('calendar'), as);
    expect(responseCodes(r.doc)).toEqual(['NoError']);
  });
});

describe('credentials', () => {
  it('rejects a wrong Basic password with 401 and the offered schemes', async () => {
    const r = await soap(sim, getFolder('calendar'), { password: 'nope' });
    expect(r.status).toBe(401);
  });

  it('accepts DOMAIN\\user and bare sAMAccountName for Basic', async () => {
    for (const user of ['CONTOSO\\svc-calpump', 'svc-calpump', 'corp.contoso.local\\b.jones']) {
      const r = await soap(sim, getFolder('calendar'), { user });
      expect(r.status, user).toBe(200);
    }
  });
});
