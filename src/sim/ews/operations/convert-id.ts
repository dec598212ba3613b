// ConvertId between the id formats clients meet (EWS ids, legacy ids, Outlook EntryIds in hex/base64).
import { attr, child, elementChildren } from '../../xml/safe-parse.js';
import { esc } from '../../xml/escape.js';
import { decodeId } from '../../world/ids.js';
import type { EwsCall } from '../call.js';
import { perItem, wrapped } from '../responses.js';
import { EwsResponseError, NS, successMessage } from '../soap.js';

const BASE64 = new Set(['EwsId', 'EwsLegacyId', 'EntryId', 'StoreId']);
const FORMATS = new Set([...BASE64, 'HexEntryId']);

export async function convertId(call: EwsCall): Promise<string> {
  const dest = attr(call.op, 'DestinationFormat') ?? '';
  const ids = elementChildren(child(call.op, 'SourceIds', NS.m), 'AlternateId', NS.t);
  const messages = perItem(
    ids,
    (el) => {
      const format = attr(el, 'Format') ?? '';
      const id = attr(el, 'Id') ?? '';
      const mailbox = attr(el, 'Mailbox') ?? '';
      if (!FORMATS.has(format) || !FORMATS.has(dest)) throw new EwsResponseError('ErrorInvalidIdMalformed', 'Id is malformed.');
      const bytes = format === 'HexEntryId' ? Buffer.from(/^[0-9a-fA-F]*$/.test(id) ? id : '', 'hex') : Buffer.from(id, 'base64');
      const ewsId = bytes.toString('base64');
      if (!bytes.length || !decodeId(ewsId)) throw new EwsResponseError('ErrorInvalidIdMalformed', 'Id is malformed.');
      const out = dest === 'HexEntryId' ? bytes.toString('hex').toUpperCase() : ewsId;
      return successMessage(
        'ConvertIdResponseMessage',
        `<m:AlternateId xsi:type="t:AlternateIdType" Format="${dest}" Id="${esc(out)}" Mailbox="${esc(mailbox)}"/>`,
      );
    },
    'ConvertIdResponseMessage',
  );
  return wrapped('ConvertId', messages);
}
