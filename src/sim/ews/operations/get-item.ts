import { attr, child, elementChildren } from '../../xml/safe-parse.js';
import { openFolder, type EwsCall } from '../call.js';
import { pimItemXml } from '../pim-item-xml.js';
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
      const pim = ref.localName === 'ItemId' ? call.world.items.get(attr(ref, 'Id') ?? '') : undefined;
      if (pim) {
        openFolder(call, call.world.folders.get(pim.folderId)!, 'read');
        return successMessage('GetItemResponseMessage', `<m:Items>${pimItemXml(call, pim, shape, 'get')}</m:Items>`);
      }
      const { view } = openItemRef(call, ref, 'read');
      return successMessage('GetItemResponseMessage', `<m:Items>${calendarItemXml(call, view, shape, 'get')}</m:Items>`);
    },
    'GetItemResponseMessage',
    '<m:Items/>',
  );
  return wrapped('GetItem', messages);
}
