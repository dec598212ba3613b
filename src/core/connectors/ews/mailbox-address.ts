// Accounts given without @ get the profile's mail domain ("anna.schmidt" or "CONTOSO\anna.schmidt" →
// anna.schmidt@contoso.com): administrators paste logon names, EWS wants SMTP addresses.
import { CalpumpError } from '../../errors/calpump-error.js';
import { text as textRef } from '../../../shared/i18n/engine-texts.js';

export function mailboxAddress(input: string, mailDomain: string | undefined): string {
  const t = input.trim();
  if (t.includes('@')) return t;
  const user = t.includes('\\') ? t.slice(t.indexOf('\\') + 1) : t;
  if (!user || !mailDomain) {
    throw new CalpumpError('input.invalid', {
      params: {
        field: 'mailbox',
        problem: textRef('problem.mailbox.noMailDomain', { mailbox: t }),
      },
    });
  }
  return `${user}@${mailDomain}`;
}
