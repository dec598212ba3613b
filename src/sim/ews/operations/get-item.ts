import { child, elementChildren } from '../../xml/safe-parse.js';
import type { EwsCall } from '../call.js';
import { calendarItemXml } from '../item-xml.js';
import { openItemRef } from '../item-ref.js';
import { perItem, wrapped } from '../responses.js';
import { parseShape } from '../shape.js';
import { NS, successMessage } from '../soap.js';

export async function getItem(call: EwsCall): Promise<string> {
  const shape = parseShape(child(call.op, 'ItemShape', NS.m));
  const refs = elementChildren(child(call.op, 'ItemIds', NS.m));
  const messages = perItem(
    refs,
    (ref) => {
      const { view } = openItemRef(call, ref, 'read');
      return successMessage('GetItemResponseMessage', `<m:Items>${calendarItemXml(call, view, shape, 'get')}</m:Items>`);
    },
    'GetItemResponseMessage',
    '<m:Items/>',
  );
  return wrapped('GetItem', messages);
}
