import { describe, expect, it } from 'vitest';
import { errorForResponseCode } from '../../../../src/core/connectors/ews/ews-errors.js';
import { mapEwsResponseCode, mappedEwsResponseCodes } from '../../../../src/core/errors/error-map.js';

const ctx = {
  url: 'https://mail.contoso.com/EWS/Exchange.asmx',
  username: 'CONTOSO\\svc-calpump',
  mailbox: 'anna.schmidt@contoso.com',
  folder: 'calendar',
};

describe('errorForResponseCode', () => {
  it.each(mappedEwsResponseCodes)('%s: the connector and the doctor name the same entry, rendered complete', (code) => {
    for (const access of ['impersonation', 'delegate'] as const) {
      const err = errorForResponseCode(code, 'server text', { ...ctx, access }, 1500);
      expect(err.id).toBe(mapEwsResponseCode(code, { access, folder: ctx.folder }));
      const info = err.render('de');
      expect(`${info.title} ${info.message} ${info.fix}`).not.toMatch(/\{\w+\}/);
      expect(err.evidence).toBe(`${code}: server text`);
    }
  });

  it('keeps the requested back-off and the mailbox', () => {
    const busy = errorForResponseCode('ErrorServerBusy', 'busy', { ...ctx, access: 'impersonation' }, 1500);
    expect(busy.params).toMatchObject({ backoffMs: '1500', mailbox: 'anna.schmidt@contoso.com' });
    const failed = errorForResponseCode('ErrorImpersonationFailed', 'x', { ...ctx, access: 'impersonation' });
    expect(failed.id).toBe('ews.impersonation.failed');
    expect(failed.render().message).toContain('anna.schmidt@contoso.com');
  });

  it('an unknown code keeps code and text in the generic entry', () => {
    const err = errorForResponseCode('ErrorSomethingNew', 'what happened', { ...ctx, access: 'impersonation' });
    expect(err.id).toBe('ews.response.error');
    expect(err.render().message).toContain('ErrorSomethingNew');
  });
});
