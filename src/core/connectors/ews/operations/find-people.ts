// FindPeople (Exchange 2013+) over the directory, one page. ews-javascript-api has no FindPeople, so the
// request is built here and the answer read with the safe parser.
import { CalpumpError } from '../../../errors/calpump-error.js';
import { errorForResponseCode } from '../ews-errors.js';
import type { EwsSession } from '../session.js';
import { ewsEnvelope } from '../soap/envelope.js';
import { child, children, descendants, escapeXml, textOf } from '../xml/safe-xml.js';

export interface Person {
  displayName: string;
  smtp: string;
  mailboxType?: string;
}

export interface PeoplePage {
  people: Person[];
  total: number;
}

export async function findPeople(s: EwsSession, offset: number, max: number, query?: string): Promise<PeoplePage> {
  const body =
    `<m:FindPeople><m:PersonaShape><t:BaseShape>Default</t:BaseShape></m:PersonaShape>` +
    `<m:IndexedPageItemView MaxEntriesReturned="${max}" Offset="${offset}" BasePoint="Beginning"/>` +
    `<m:ParentFolderId><t:DistinguishedFolderId Id="directory"/></m:ParentFolderId>` +
    (query ? `<m:QueryString>${escapeXml(query)}</m:QueryString>` : '') +
    `</m:FindPeople>`;
  const version = s.version === 'Exchange2010_SP2' ? 'Exchange2013' : s.version;
  const answer = await s.transport.post(s.url, ewsEnvelope(body, { version }), { access: s.access });
  const res = descendants(answer.envelope, 'FindPeopleResponse')[0];
  if (!res) throw new CalpumpError('ews.response.malformed', { params: { url: s.url }, evidence: 'missing=FindPeopleResponse' });
  if (res.attrs.ResponseClass === 'Error') {
    const code = textOf(res, 'ResponseCode') ?? 'ErrorUnknown';
    throw errorForResponseCode(code, textOf(res, 'MessageText') ?? code, { url: s.url, username: s.username, access: s.access });
  }
  const people: Person[] = [];
  for (const p of children(child(res, 'People'), 'Persona')) {
    const addr = child(p, 'EmailAddress');
    const smtp = textOf(addr, 'EmailAddress');
    if (!smtp) continue;
    people.push({ displayName: textOf(p, 'DisplayName') ?? textOf(addr, 'Name') ?? smtp, smtp, mailboxType: textOf(addr, 'MailboxType') });
  }
  return { people, total: Number(textOf(res, 'TotalNumberOfPeopleInView') ?? people.length) };
}
