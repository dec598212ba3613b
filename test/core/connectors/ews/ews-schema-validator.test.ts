import { describe, expect, it } from 'vitest';
import { validateEwsRequests } from '../../../support/ews-schema.js';

const envelope = (body: string, header = '<t:RequestServerVersion Version="Exchange2013"/>') =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><soap:Header>${header}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;

const findItem = (shape: string) =>
  `<m:FindItem Traversal="Shallow"><m:ItemShape><t:BaseShape>${shape}</t:BaseShape></m:ItemShape><m:CalendarView StartDate="2026-01-01T00:00:00Z" EndDate="2026-02-01T00:00:00Z"/><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`;

describe('EWS schema validator (test support)', () => {
  it('accepts a valid FindItem CalendarView with impersonation header', async () => {
    const impersonation =
      '<t:RequestServerVersion Version="Exchange2013"/><t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>anna@contoso.com</t:SmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>';
    expect(await validateEwsRequests([{ operation: 'FindItem', url: 'x', body: envelope(findItem('IdOnly'), impersonation) }])).toEqual([]);
  });

  it('rejects BaseShape=Bogus with an enumeration error', async () => {
    const failures = await validateEwsRequests([
      { operation: 'FindItem', url: 'x', body: envelope(findItem('IdOnly')) },
      { operation: 'FindItem', url: 'x', body: envelope(findItem('Bogus')) },
    ]);
    expect(failures).toHaveLength(1);
    expect(failures[0].part).toBe('body');
    expect(failures[0].errors).toMatch(/Bogus|enumeration/);
  });

  it('rejects an invalid header (unknown RequestServerVersion)', async () => {
    const failures = await validateEwsRequests([
      { operation: 'FindItem', url: 'x', body: envelope(findItem('IdOnly'), '<t:RequestServerVersion Version="Exchange1999"/>') },
    ]);
    expect(failures.map((f) => f.part)).toEqual(['header0']);
  });

  it('rejects elements in the wrong order', async () => {
    const wrongOrder = `<m:FindItem Traversal="Shallow"><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape></m:FindItem>`;
    expect(await validateEwsRequests([{ operation: 'FindItem', url: 'x', body: envelope(wrongOrder) }])).toHaveLength(1);
  });
});
