import { describe, expect, it } from 'vitest';
import { looksLikeLoginPage, schemeOffered } from '../../../../src/core/doctor/probes/http-auth.js';
import { getCalendarFolderSoap, readSoapAnswer, resolvedMailboxes } from '../../../../src/core/doctor/probes/ews-soap.js';
import { thrownBy } from '../../../support/typed-expect.js';

describe('schemeOffered', () => {
  it('accepts NTLM through Negotiate', () => expect(schemeOffered('ntlm', ['Negotiate'])).toBe(true));
  it('does not accept Basic through Negotiate', () => expect(schemeOffered('basic', ['Negotiate', 'NTLM'])).toBe(false));
});

describe('looksLikeLoginPage', () => {
  it('detects the redirect to OWA forms logon', () => {
    expect(looksLikeLoginPage(302, { location: 'https://mail.contoso.com/owa/auth/logon.aspx?url=%2fEWS' }, '')).toBe(true);
  });
  it('detects an HTML form with a password field', () => {
    const page = '<html><body><form action="/owa/auth.owa" method="post"><input type="password" name="password"></form></body></html>';
    expect(looksLikeLoginPage(200, { 'content-type': 'text/html; charset=utf-8' }, page)).toBe(true);
  });
  it("does not take IIS's 401 error page for a login page", () => {
    const page = '<html><head><title>401 - Unauthorized</title></head><body><h2>401 - Unauthorized: Access is denied</h2></body></html>';
    expect(looksLikeLoginPage(401, { 'content-type': 'text/html' }, page)).toBe(false);
  });
  it('ignores a redirect elsewhere', () =>
    expect(looksLikeLoginPage(301, { location: 'https://mail.contoso.com/EWS/Exchange.asmx' }, '')).toBe(false));
});

describe('EWS SOAP probe', () => {
  it('escapes the mailbox in the impersonation header', () => {
    const xml = getCalendarFolderSoap({ version: 'Exchange2013', access: 'impersonation', mailbox: 'a<b>&"c\'@contoso.com' });
    expect(xml).toContain('<t:SmtpAddress>a&lt;b&gt;&amp;&quot;c&apos;@contoso.com</t:SmtpAddress>');
    expect(xml).not.toContain('<t:Mailbox>');
  });
  it('addresses the other mailbox in delegate mode', () => {
    const xml = getCalendarFolderSoap({ version: 'Exchange2010_SP2', access: 'delegate', mailbox: 'anna.schmidt@contoso.com' });
    expect(xml).toContain(
      '<t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>anna.schmidt@contoso.com</t:EmailAddress></t:Mailbox>',
    );
    expect(xml).not.toContain('ExchangeImpersonation');
  });

  it('reads ServerVersionInfo and a successful response message', () => {
    const a = readSoapAnswer(
      '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" Version="V2017_07_11" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/></s:Header>' +
        '<s:Body><m:GetFolderResponse xmlns:m="m"><m:ResponseMessages><m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse></s:Body></s:Envelope>',
    );
    expect(a).toMatchObject({ isSoap: true, serverVersion: 'V2017_07_11 15.1.2507.6', responseClass: 'Success', responseCode: 'NoError' });
  });

  it('reads the ResponseCode from a SOAP fault', () => {
    const a = readSoapAnswer(
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="a">a:ErrorImpersonateUserDenied</faultcode><faultstring xml:lang="en-US">The account does not have permission to impersonate the requested user.</faultstring>' +
        '<detail><e:ResponseCode xmlns:e="e">ErrorImpersonateUserDenied</e:ResponseCode><e:Message xmlns:e="e">The account does not have permission to impersonate the requested user.</e:Message></detail></s:Fault></s:Body></s:Envelope>',
    );
    expect(a.responseCode).toBe('ErrorImpersonateUserDenied');
    expect(a.responseClass).toBeUndefined();
    expect(a.messageText).toMatch(/permission to impersonate/);
  });

  it('does not take an HTML page for SOAP', () => expect(readSoapAnswer('<html><body>hi</body></html>').isSoap).toBe(false));

  it('reads the back-off Exchange asks for with ErrorServerBusy', () => {
    const a = readSoapAnswer(
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:GetFolderResponse xmlns:m="m"><m:ResponseMessages><m:GetFolderResponseMessage ResponseClass="Error">' +
        '<m:MessageText>The server cannot service this request right now. Try again later.</m:MessageText><m:ResponseCode>ErrorServerBusy</m:ResponseCode>' +
        '<m:MessageXml><t:Value xmlns:t="t" Name="BackOffMilliseconds">5000</t:Value></m:MessageXml></m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse></s:Body></s:Envelope>',
    );
    expect(a).toMatchObject({ isSoap: true, responseClass: 'Error', responseCode: 'ErrorServerBusy', backoffMs: 5000 });
  });

  it('calls a truncated envelope malformed instead of "not SOAP", and a DTD unsafe', () => {
    expect(
      thrownBy(() => readSoapAnswer('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:GetFolderResponse>')),
    ).toMatchObject({ id: 'ews.response.malformed' });
    expect(thrownBy(() => readSoapAnswer('<!DOCTYPE x [<!ENTITY a "b">]><s:Envelope><s:Body/></s:Envelope>'))).toMatchObject({
      id: 'ews.xml.unsafe',
    });
  });

  it('reads the SMTP mailboxes of a ResolveNames answer', () => {
    const body =
      '<s:Envelope xmlns:s="s"><s:Body><m:ResolveNamesResponse xmlns:m="m" xmlns:t="t"><m:ResponseMessages><m:ResolveNamesResponseMessage ResponseClass="Success"><m:ResolutionSet TotalItemsInView="1">' +
      '<t:Resolution><t:Mailbox><t:Name>Bob Jones</t:Name><t:EmailAddress>bob.jones@contoso.com</t:EmailAddress><t:RoutingType>SMTP</t:RoutingType><t:MailboxType>Mailbox</t:MailboxType></t:Mailbox></t:Resolution>' +
      '</m:ResolutionSet></m:ResolveNamesResponseMessage></m:ResponseMessages></m:ResolveNamesResponse></s:Body></s:Envelope>';
    expect(resolvedMailboxes(body)).toEqual(['bob.jones@contoso.com']);
    expect(resolvedMailboxes('<html>no</html>')).toEqual([]);
  });
});
