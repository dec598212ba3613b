// Real Graph error bodies → catalogue entries an admin can act on.
import { describe, expect, it } from 'vitest';
import { graphFailure, type GraphErrorContext } from '../../../../src/core/connectors/graph/graph-errors.js';
import { fixture } from './fixtures.js';

const ctx = (over: Partial<GraphErrorContext> = {}): GraphErrorContext => ({
  profile: 'm365',
  clientId: '11111111-1111-4111-8111-111111111111',
  graphHost: 'https://graph.microsoft.com',
  authorityHost: 'https://login.microsoftonline.com',
  operation: 'calendarView',
  mailbox: 'carol.evans@contoso.com',
  appRoles: ['Calendars.Read', 'User.Read.All'],
  ...over,
});

describe('graphFailure', () => {
  it('application access policy → mailbox scoped out, with the PowerShell fix and a delay', () => {
    const e = graphFailure(403, fixture('error-403-access-policy.json'), ctx());
    expect(e.id).toBe('graph.mailbox.accessDenied');
    expect(e.render('de').fix).toContain('Test-ApplicationAccessPolicy');
    expect(e.evidence).toContain('request-id 5b1b0a0e');
  });

  it('plain ErrorAccessDenied: missing Calendars.Read role → permission, else mailbox access', () => {
    expect(graphFailure(403, fixture('error-403-access-denied.json'), ctx({ appRoles: ['User.Read.All'] })).id).toBe(
      'graph.permission.missing',
    );
    expect(graphFailure(403, fixture('error-403-access-denied.json'), ctx()).id).toBe('graph.mailbox.accessDenied');
    expect(graphFailure(403, fixture('error-403-access-denied.json'), ctx({ appRoles: undefined })).id).toBe('graph.mailbox.accessDenied');
  });

  it('Authorization_RequestDenied on /users names User.Read.All and admin consent', () => {
    const e = graphFailure(403, fixture('error-403-authorization-denied.json'), ctx({ operation: 'users', mailbox: undefined }));
    expect(e.id).toBe('graph.permission.missing');
    expect(e.render().fix).toContain('User.Read.All');
    expect(e.render().fix).toContain('Grant admin consent');
    expect(e.render().delay).toContain('few minutes');
  });

  it('404, 401 and a final 429', () => {
    expect(graphFailure(404, fixture('error-404-invalid-user.json'), ctx({ mailbox: 'nobody@contoso.com' })).id).toBe(
      'graph.mailbox.notFound',
    );
    expect(
      graphFailure(
        404,
        '{"error":{"code":"ErrorItemNotFound","message":"The specified object was not found in the store."}}',
        ctx({ folder: 'AQMkADEx' }),
      ).id,
    ).toBe('graph.folder.notFound');
    expect(graphFailure(401, fixture('error-401-token-expired.json'), ctx()).id).toBe('graph.token.invalid');
    const t = graphFailure(429, fixture('error-429-throttled.json'), ctx(), { 'retry-after': '30', 'x-calpump-attempts': '8' });
    expect(t.id).toBe('graph.throttled');
    expect(t.render().message).toContain('8 times');
  });
});
