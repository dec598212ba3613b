import type { EwsCall } from '../call.js';
import { folderRefs, openFolderRef } from '../folder-ref.js';
import { folderXml } from '../folder-xml.js';
import { perItem, wrapped } from '../responses.js';
import { parseShape } from '../shape.js';
import { NS, successMessage } from '../soap.js';
import { child } from '../../xml/safe-parse.js';

export async function getFolder(call: EwsCall): Promise<string> {
  const shape = parseShape(child(call.op, 'FolderShape', NS.m));
  const refs = folderRefs(child(call.op, 'FolderIds', NS.m));
  const messages = perItem(
    refs,
    (ref) => {
      const f = openFolderRef(call, ref, 'read');
      return successMessage('GetFolderResponseMessage', `<m:Folders>${folderXml(call, f, shape)}</m:Folders>`);
    },
    'GetFolderResponseMessage',
    '<m:Folders/>',
  );
  return wrapped('GetFolder', messages);
}
