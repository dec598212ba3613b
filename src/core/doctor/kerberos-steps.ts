// The Kerberos half of the EWS doctor: the clocks agree (Kerberos refuses authenticators more than 5 minutes
// off) and a ticket for the server's SPN is issued. A ticket is all the later sign-in step needs.
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { NetworkContext } from './network-steps.js';
import { negotiateSource, type CredentialContext } from './probes/profile-credentials.js';
import type { StepSpec } from './runner.js';

export interface KerberosContext extends NetworkContext, CredentialContext {
  /** The server's Date header from the unauthenticated probe (the clock step compares it). */
  serverDate?: Date;
}

/** Kerberos refuses authenticators more than 5 minutes off (the AD default); a few seconds of HTTP delay spare. */
const MAX_SKEW_S = 300;

export function kerberosTicketSteps(): StepSpec<KerberosContext>[] {
  return [
    {
      id: 'kerberos.clock',
      needs: ['auth.schemes'],
      async run(ctx) {
        const here = (ctx.now ?? (() => new Date()))();
        if (!ctx.serverDate) return { detail: text('doctor.detail.clockNotCompared') };
        const apart = Math.abs(Math.round((here.getTime() - ctx.serverDate.getTime()) / 1000));
        const evidence = `Date: ${ctx.serverDate.toISOString()}; local=${here.toISOString()}; skew=${apart}s`;
        if (apart > MAX_SKEW_S) {
          const names = negotiateSource(ctx).account;
          throw new CalpumpError('kerberos.clockSkew', { params: { principal: names.principal }, evidence });
        }
        return { evidence, detail: text('doctor.detail.clock', { seconds: apart }) };
      },
    },
    {
      id: 'kerberos.ticket',
      needs: ['kerberos.clock'],
      async run(ctx) {
        const source = negotiateSource(ctx);
        const spn = source.spnFor(ctx.target!.href);
        await source.start(spn);
        const { principal, realm } = source.account;
        return {
          evidence: `spn=${spn}; principal=${principal}; realm=${realm || '-'}; credential=${source.credential}`,
          detail: text('doctor.detail.kerberosTicket', { spn, principal }),
          data: { spn, principal },
        };
      },
    },
  ];
}
